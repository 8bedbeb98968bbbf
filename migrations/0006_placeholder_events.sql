-- SPDX-License-Identifier: EUPL-1.2
-- Placeholder on the mail branch only, so that 0007 follows without a gap: the events branch owns
-- 0006. The lead drops this file at merge.
SELECT 1;

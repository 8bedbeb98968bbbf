-- SPDX-License-Identifier: EUPL-1.2
-- Placeholder on the open311 branch only, so that 0021 runs here: the other slices' migrations take this number at merge. DELETE at merge.
SELECT 1;

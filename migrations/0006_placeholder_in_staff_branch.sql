-- SPDX-License-Identifier: EUPL-1.2
-- Placeholder in branch "staff" only, so 0008 applies without a gap; dropped at merge (another helper owns 0006).
SELECT 1;

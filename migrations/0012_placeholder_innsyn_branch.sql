-- SPDX-License-Identifier: EUPL-1.2
-- Placeholder in branch innsyn only: 0012 belongs to another slice (jcore). Drop this file at merge.
SELECT 1;

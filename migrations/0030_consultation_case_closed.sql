-- SPDX-License-Identifier: EUPL-1.2
-- A consultation ends when its case is closed, not only at its deadline: no comment can be filed in a
-- closed case, so the public must not be shown an open consultation it cannot answer. The projection
-- writes when the case was closed (null while it is open); status and lists read it beside the
-- deadline. Rows projected before this migration get it from the archive here.
ALTER TABLE public_consultations ADD COLUMN case_closed_at timestamptz;

UPDATE public_consultations p SET case_closed_at = c.closed_at
  FROM case_files c
  WHERE c.id = p.case_file_id AND c.status = 'closed';

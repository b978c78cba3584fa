-- A published fragment remembers the note it was cut from, so that when a
-- household linked to that note withdraws research consent, its fragments
-- are withheld from stakeholders and researchers alike (docs/research.md),
-- also after the coding itself was removed. Fragments published before this
-- migration get the note of their coding; those whose coding was already
-- removed get none and are withheld, since their household can no longer be
-- told.
ALTER TABLE research_finding_fragments
  ADD COLUMN note_id TEXT REFERENCES field_notes (id) ON DELETE SET NULL;

UPDATE research_finding_fragments
SET note_id = (SELECT c.note_id FROM research_codings c
               WHERE c.id = research_finding_fragments.coding_id);

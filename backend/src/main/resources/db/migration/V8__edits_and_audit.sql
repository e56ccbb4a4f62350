-- Planners edit the pactes through GraphQL mutations (fr.pactecarto.pacte.edit). Every editable row gets a
-- `version` (optimistic locking: a mutation carries the version it was based on), and who changed it last and
-- when; an action can be archived (a soft delete: gone from every read, its history kept) and restored. Every
-- change is appended to `pacte_change` in the same transaction; that table refuses UPDATE, DELETE and TRUNCATE.

-- Versions come from one sequence: never reused, not even by a pacte imported again, so a stale version can
-- never match by chance.
CREATE SEQUENCE pacte_row_version AS bigint;

ALTER TABLE pacte_action
    ADD COLUMN version     bigint      NOT NULL DEFAULT nextval('pacte_row_version'),
    ADD COLUMN archived_at timestamptz,
    ADD COLUMN updated_at  timestamptz,
    ADD COLUMN updated_by  text;
ALTER TABLE pacte_priority
    ADD COLUMN version     bigint      NOT NULL DEFAULT nextval('pacte_row_version'),
    ADD COLUMN updated_at  timestamptz,
    ADD COLUMN updated_by  text;
ALTER TABLE pacte_theme
    ADD COLUMN version     bigint      NOT NULL DEFAULT nextval('pacte_row_version'),
    ADD COLUMN updated_at  timestamptz,
    ADD COLUMN updated_by  text;
ALTER TABLE pacte_funding_line
    ADD COLUMN version     bigint      NOT NULL DEFAULT nextval('pacte_row_version'),
    ADD COLUMN updated_at  timestamptz,
    ADD COLUMN updated_by  text;

-- The audit trail: who (`actor`, the account's login; `via`: session or which API token), when, what (the
-- object's state before and after, as JSON). Not tied to the pacte by a foreign key: the history of a pacte
-- outlives its re-import (an import is one row, entity PACTE).
CREATE TABLE pacte_change (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pacte_id  text        NOT NULL,
    entity    text        NOT NULL CHECK (entity IN ('PACTE', 'ACTION', 'PRIORITY', 'THEME', 'FUNDING_LINE')),
    entity_id text        NOT NULL,
    operation text        NOT NULL CHECK (operation IN ('IMPORT', 'CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE')),
    actor     text        NOT NULL,
    via       text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    before    jsonb,
    after     jsonb
);
CREATE INDEX pacte_change_entity_idx ON pacte_change (pacte_id, entity, entity_id, id);
CREATE INDEX pacte_change_at_idx ON pacte_change (pacte_id, at);

CREATE FUNCTION pacte_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pacte_change is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER pacte_change_append_only BEFORE UPDATE OR DELETE ON pacte_change
    FOR EACH ROW EXECUTE FUNCTION pacte_change_append_only();
CREATE TRIGGER pacte_change_no_truncate BEFORE TRUNCATE ON pacte_change
    FOR EACH STATEMENT EXECUTE FUNCTION pacte_change_append_only();
-- `changes` and `Action.history` are answers too: a new row is a change of the data (V6).
CREATE TRIGGER pacte_change_data_changed AFTER INSERT ON pacte_change
    FOR EACH STATEMENT EXECUTE FUNCTION data_changed();

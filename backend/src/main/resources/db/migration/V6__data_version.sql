-- The version of the data the API answers from (contours and pactes). Every transaction that changes it bumps
-- the version once and notifies channel `pacte_data` with the new version; PostgreSQL delivers the
-- notification when the transaction commits. Each app instance listens (fr.pactecarto.live.DataVersion) and
-- keys its response cache by this version, so that no instance answers from before a change it was told of.
CREATE TABLE data_version (
    single  boolean PRIMARY KEY DEFAULT true CHECK (single),
    version bigint  NOT NULL
);
INSERT INTO data_version (version) VALUES (1);

CREATE FUNCTION data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bumped bigint;
BEGIN
    -- Once per transaction, however many statements and tables it touches.
    IF current_setting('pacte.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE data_version SET version = version + 1 RETURNING version INTO bumped;
        PERFORM pg_notify('pacte_data', bumped::text);
        PERFORM set_config('pacte.data_version_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['territory', 'territory_outline', 'pacte', 'pacte_alias', 'pacte_map_layer',
            'pacte_axis', 'pacte_priority', 'pacte_theme', 'pacte_action', 'pacte_action_theme', 'pacte_funding_line',
            'pacte_national_pact', 'pacte_national_measure', 'pacte_local_pact_section'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION data_changed()', name || '_data_changed', name);
    END LOOP;
END
$$;

-- The Pacte becomes data. Each pacte (a region × a year) is a document file loaded by the pacte importer
-- (fr.pactecarto.pacte.document), never by a migration: V4 held one implicit pacte, PACA 2024, inside its
-- tables. Those tables are replaced by the same tables keyed by pacte; the PACA 2024 reference file
-- (pactes/paca-2024.yaml, the same content) is loaded at start into a database that has no pacte.
-- Cited territory codes stay as cited (`cited_as`, `partner_codes`) and are resolved at query time by
-- pacte_resolve() below, so that an import of contours or of a pacte is seen at once.

DROP TABLE pacte_action_theme, pacte_action, pacte_priority, pacte_theme, pacte_axis, pacte_source,
    pacte_funding_line, pacte_funding, pacte_national_measure, pacte_national_pact, pacte_national_measures,
    pacte_local_pact_section, pacte_local_pact_framework;
-- The aliases (AMP, NCA, TPM, VdM…) are the document's: they move into each pacte (pacte_alias).
DROP TABLE territory_alias;

-- One row per pacte. `id` is the public identifier `<region>-<year>` (`93-2024`).
CREATE TABLE pacte (
    id                       text    PRIMARY KEY,
    region_code              text    NOT NULL,
    year                     integer NOT NULL,
    title                    text    NOT NULL,
    source_title             text    NOT NULL,
    source_body              text    NOT NULL,
    source_date              date    NOT NULL,
    funding_currency         text    NOT NULL,
    funding_note             text,
    national_announced_count integer NOT NULL,
    national_note            text,
    local_title              text    NOT NULL,
    local_reference          text    NOT NULL,
    local_regional_credits   bigint  NOT NULL,
    imported_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (region_code, year),
    CHECK (id = region_code || '-' || year)
);

-- The short names the document uses for territories, matched case-insensitively within its pacte.
CREATE TABLE pacte_alias (
    pacte_id text NOT NULL REFERENCES pacte ON DELETE CASCADE,
    alias    text NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('REGION', 'DEPARTMENT', 'EPCI', 'COMMUNE')),
    code     text NOT NULL,
    PRIMARY KEY (pacte_id, alias)
);
CREATE INDEX pacte_alias_lower_idx ON pacte_alias (pacte_id, lower(alias));
CREATE INDEX pacte_alias_target_idx ON pacte_alias (kind, code);

-- What the map shows, bottom layer first: every territory of `kind` in the pacte's region, and/or the
-- territories `codes` names (codes or aliases). `label` names the layer, `item_label` one of its shapes.
CREATE TABLE pacte_map_layer (
    pacte_id   text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    key        text    NOT NULL,
    position   integer NOT NULL,
    label      text    NOT NULL,
    item_label text    NOT NULL,
    kind       text    CHECK (kind IN ('REGION', 'DEPARTMENT', 'EPCI', 'COMMUNE')),
    codes      text[]  NOT NULL,
    PRIMARY KEY (pacte_id, key),
    UNIQUE (pacte_id, position)
);

CREATE TABLE pacte_axis (
    pacte_id   text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    number     integer NOT NULL,
    short_name text    NOT NULL,
    title      text    NOT NULL,
    note       text,
    PRIMARY KEY (pacte_id, number)
);

CREATE TABLE pacte_priority (
    pacte_id    text    NOT NULL,
    id          text    NOT NULL,
    axis_number integer NOT NULL,
    position    integer NOT NULL,
    title       text    NOT NULL,
    PRIMARY KEY (pacte_id, id),
    UNIQUE (pacte_id, axis_number, position),
    FOREIGN KEY (pacte_id, axis_number) REFERENCES pacte_axis ON DELETE CASCADE
);

CREATE TABLE pacte_theme (
    pacte_id text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    slug     text    NOT NULL,
    label    text    NOT NULL,
    headline boolean NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (pacte_id, slug),
    UNIQUE (pacte_id, position)
);

-- `position` is the document's reading order within the pacte (1, 2, 3…), sub-actions right after their parent.
CREATE TABLE pacte_action (
    pacte_id    text    NOT NULL,
    id          text    NOT NULL,
    position    integer NOT NULL,
    priority_id text    NOT NULL,
    parent_id   text,
    label       text    NOT NULL,
    category    text,
    instrument  text,
    cited_as    text[]  NOT NULL,
    note        text,
    PRIMARY KEY (pacte_id, id),
    UNIQUE (pacte_id, position),
    FOREIGN KEY (pacte_id, priority_id) REFERENCES pacte_priority ON DELETE CASCADE,
    FOREIGN KEY (pacte_id, parent_id) REFERENCES pacte_action ON DELETE CASCADE
);
CREATE INDEX pacte_action_cited_idx ON pacte_action USING gin (cited_as);

CREATE TABLE pacte_action_theme (
    pacte_id   text NOT NULL,
    action_id  text NOT NULL,
    theme_slug text NOT NULL,
    PRIMARY KEY (pacte_id, action_id, theme_slug),
    FOREIGN KEY (pacte_id, action_id) REFERENCES pacte_action ON DELETE CASCADE,
    FOREIGN KEY (pacte_id, theme_slug) REFERENCES pacte_theme ON DELETE CASCADE
);
CREATE INDEX pacte_action_theme_theme_idx ON pacte_action_theme (pacte_id, theme_slug);

CREATE TABLE pacte_funding_line (
    pacte_id       text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    id             text    NOT NULL,
    position       integer NOT NULL,
    instrument     text    NOT NULL,
    label          text    NOT NULL,
    partner_kind   text    NOT NULL CHECK (partner_kind IN ('METROPOLIS', 'CITY', 'DEPARTMENT', 'LOCAL_PARTNERS')),
    contract_count integer,
    amount         bigint  NOT NULL,
    partner_codes  text[]  NOT NULL,
    note           text,
    PRIMARY KEY (pacte_id, id),
    UNIQUE (pacte_id, position)
);
CREATE INDEX pacte_funding_line_partners_idx ON pacte_funding_line USING gin (partner_codes);

CREATE TABLE pacte_national_pact (
    pacte_id    text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    position    integer NOT NULL,
    title       text    NOT NULL,
    axis_number integer,
    reforms     text[]  NOT NULL,
    PRIMARY KEY (pacte_id, position)
);

CREATE TABLE pacte_national_measure (
    pacte_id      text    NOT NULL,
    pact_position integer NOT NULL,
    position      integer NOT NULL,
    name          text    NOT NULL,
    note          text,
    PRIMARY KEY (pacte_id, pact_position, position),
    FOREIGN KEY (pacte_id, pact_position) REFERENCES pacte_national_pact ON DELETE CASCADE
);

CREATE TABLE pacte_local_pact_section (
    pacte_id text    NOT NULL REFERENCES pacte ON DELETE CASCADE,
    key      text    NOT NULL,
    position integer NOT NULL,
    title    text    NOT NULL,
    text     text    NOT NULL,
    items    text[]  NOT NULL,
    PRIMARY KEY (pacte_id, key),
    UNIQUE (pacte_id, position)
);

-- The territory a code cited in a pacte names, resolved by the database at query time: an alias of the
-- pacte first (case-insensitive), else an official code; a plain code shared by two kinds (region 84 /
-- department 84) means the department, the Pacte's codes being department numbers. Only imported
-- territories count: no row while the contours are not imported.
CREATE FUNCTION pacte_resolve(pacte text, cited text) RETURNS TABLE (kind text, code text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT t.kind, t.code
    FROM (
        SELECT a.kind, a.code, 0 AS rank FROM pacte_alias a
        WHERE a.pacte_id = pacte AND lower(a.alias) = lower(cited)
        UNION ALL
        SELECT t.kind, t.code, CASE t.kind WHEN 'DEPARTMENT' THEN 1 WHEN 'COMMUNE' THEN 2 WHEN 'EPCI' THEN 3 ELSE 4 END
        FROM territory t WHERE t.code = upper(cited)
    ) candidate
    JOIN territory t ON t.kind = candidate.kind AND t.code = candidate.code
    ORDER BY candidate.rank
    LIMIT 1
$$;

-- Every code cited in a pacte (actions, funding partners, map layers) with the territory it names.
CREATE VIEW pacte_cited_territory AS
SELECT c.pacte_id, c.cited, r.kind, r.code
FROM (
    SELECT pacte_id, unnest(cited_as) AS cited FROM pacte_action
    UNION
    SELECT pacte_id, unnest(partner_codes) FROM pacte_funding_line
    UNION
    SELECT pacte_id, unnest(codes) FROM pacte_map_layer
) c
CROSS JOIN LATERAL pacte_resolve(c.pacte_id, c.cited) r;

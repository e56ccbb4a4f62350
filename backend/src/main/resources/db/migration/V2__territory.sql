-- Territories imported from the official contours (see fr.pactecarto.geodata). A code alone is not unique:
-- region 84 and department 84 both exist, hence the (kind, code) key.
CREATE TABLE territory (
    kind            text             NOT NULL CHECK (kind IN ('REGION', 'DEPARTMENT', 'EPCI', 'COMMUNE')),
    code            text             NOT NULL,
    name            text             NOT NULL,
    epci_nature     text             CHECK (epci_nature IN ('METRO', 'MET69', 'CU', 'CA', 'CC')),
    region_code     text,
    department_code text,
    epci_code       text,
    -- commune -> EPCI (or department when it has none) -> department -> region
    parent_kind     text,
    parent_code     text,
    population      integer,
    geom            geometry(MultiPolygon, 4326) NOT NULL,
    label_point     geometry(Point, 4326)        NOT NULL,
    west            double precision NOT NULL,
    south           double precision NOT NULL,
    east            double precision NOT NULL,
    north           double precision NOT NULL,
    PRIMARY KEY (kind, code)
);
CREATE INDEX territory_geom_idx ON territory USING gist (geom);
CREATE INDEX territory_parent_idx ON territory (parent_kind, parent_code);
CREATE INDEX territory_code_idx ON territory (code);

-- Outlines simplified once at import for a band of web-map zooms (never per request).
CREATE TABLE territory_outline (
    kind     text     NOT NULL,
    code     text     NOT NULL,
    max_zoom smallint NOT NULL,
    geom     geometry(MultiPolygon, 4326) NOT NULL,
    PRIMARY KEY (kind, code, max_zoom),
    FOREIGN KEY (kind, code) REFERENCES territory (kind, code) ON DELETE CASCADE
);

-- The short names the Pacte uses (PRODUCT.md). Kept apart from the imported rows so that a re-import
-- never loses them; matched case-insensitively.
CREATE TABLE territory_alias (
    alias text PRIMARY KEY,
    kind  text NOT NULL,
    code  text NOT NULL
);
CREATE INDEX territory_alias_lower_idx ON territory_alias (lower(alias));
CREATE INDEX territory_alias_target_idx ON territory_alias (kind, code);
INSERT INTO territory_alias (alias, kind, code) VALUES
    ('AMP', 'EPCI', '200054807'),
    ('NCA', 'EPCI', '200030195'),
    ('TPM', 'EPCI', '248300543'),
    ('VdM', 'COMMUNE', '13055'),
    ('VDM', 'COMMUNE', '13055');

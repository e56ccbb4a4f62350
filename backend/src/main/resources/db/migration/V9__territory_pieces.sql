-- Each territory's full outline cut into pieces of at most 255 vertices (ST_Subdivide), indexed: which
-- territories hold a point is then a few small point-in-polygon tests instead of one per candidate over its
-- whole outline (a region of France has hundreds of thousands of vertices). Derived from territory.geom by
-- the importer (fr.pactecarto.geodata), like territory_outline; built here once for what is already stored.
CREATE TABLE territory_piece (
    kind text NOT NULL,
    code text NOT NULL,
    geom geometry(Geometry, 4326) NOT NULL,
    FOREIGN KEY (kind, code) REFERENCES territory (kind, code) ON DELETE CASCADE
);
CREATE INDEX territory_piece_key_idx ON territory_piece (kind, code);
CREATE INDEX territory_piece_geom_idx ON territory_piece USING gist (geom);

INSERT INTO territory_piece (kind, code, geom)
SELECT t.kind, t.code, ST_Subdivide(t.geom, 255) FROM territory t;

-- The importer (fr.pactecarto.geodata) stores each zoom band's outline as GeoJSON text, already rounded to
-- the decimals a pixel needs at that zoom: a map request then does no geometry work at all.
DELETE FROM territory_outline;
ALTER TABLE territory_outline ADD COLUMN geojson text NOT NULL;

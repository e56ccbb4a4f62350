-- PostGIS first: every later migration and the geodata import rely on it.
CREATE EXTENSION IF NOT EXISTS postgis;

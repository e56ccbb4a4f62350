-- Map requests read an outline band as its GeoJSON text only (V3); the geometry of each band was written at every
-- import (six per territory) and never read: about half of what importing all of France wrote.
ALTER TABLE territory_outline DROP COLUMN geom;

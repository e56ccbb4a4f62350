package fr.pactecarto.map;

/**
 * What the page needs to know before drawing: the basemap tile template ({@code null}: no basemap) and its
 * attribution.
 */
record MapConfig(String tileUrl, String tileAttribution) {

	static MapConfig of(MapProperties properties) {
		String template = properties.tileTemplate();
		return new MapConfig(template, (template != null) ? properties.tileAttribution() : "");
	}

}

package fr.pactecarto.map;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the map page. {@code tileUrl} ({@code PACTE_TILE_URL}) is a Leaflet tile template such as
 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}, or {@code none} for a map without basemap (a room
 * without network); {@code tileAttribution} is shown under the map when tiles are drawn.
 */
@ConfigurationProperties("pacte.map")
public record MapProperties(String tileUrl, String tileAttribution) {

	static final String NONE = "none";

	private static final Pattern TILE_TEMPLATE = Pattern.compile("https?://\\S*\\{z}\\S*\\{x}\\S*\\{y}\\S*");

	public MapProperties {
		if (tileUrl == null || tileUrl.isBlank()) {
			tileUrl = NONE;
		}
		tileUrl = tileUrl.strip();
		if (!NONE.equalsIgnoreCase(tileUrl) && !TILE_TEMPLATE.matcher(tileUrl).matches()) {
			throw new IllegalArgumentException("PACTE_TILE_URL (pacte.map.tile-url) must be 'none' or an http(s) tile "
					+ "template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; got '"
					+ tileUrl + "'");
		}
		if (tileAttribution == null) {
			tileAttribution = "";
		}
	}

	/** The tile template, or {@code null} when the basemap is disabled. */
	String tileTemplate() {
		return NONE.equalsIgnoreCase(this.tileUrl) ? null : this.tileUrl;
	}

}

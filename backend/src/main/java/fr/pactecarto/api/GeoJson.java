package fr.pactecarto.api;

import tools.jackson.databind.util.RawValue;

/**
 * GeoJSON text exactly as PostGIS built it ({@code ST_AsGeoJSON}, or the outlines stored at import), kept as its
 * UTF-8 bytes as PostgreSQL sent them. The {@code GeoJSON} scalar copies these bytes into the response without
 * parsing nor decoding them: map payloads are the largest part of our answers (half a megabyte for a department's
 * communes), and a {@code String} cost a decoding from UTF-8 and an encoding back into it, 9 % of the service's CPU
 * under a load of such answers. The array is never modified once given here.
 */
public record GeoJson(byte[] utf8) {

	/** The JSON text as it goes into an answer: Jackson writes its bytes as they are. */
	RawValue raw() {
		return new RawValue(new JsonBytes(this.utf8));
	}

	/** Its size in the answer, in bytes. */
	public int length() {
		return this.utf8.length;
	}

}

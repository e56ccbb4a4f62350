package fr.pactecarto.api;

/**
 * GeoJSON text exactly as PostGIS built it ({@code ST_AsGeoJSON}). The {@code GeoJSON} scalar writes it into
 * the response as a JSON object without parsing it: map payloads are the largest part of our responses.
 */
public record GeoJson(String json) {

}

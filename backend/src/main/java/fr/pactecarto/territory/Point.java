package fr.pactecarto.territory;

/** A WGS84 point (GraphQL type {@code Point}). */
public record Point(double lon, double lat) {

}

package fr.pactecarto.action;

/** A priority (« orientation ») of an axis, one heading of its slide (GraphQL type {@code Priority}). */
public record Priority(String id, int axisNumber, int position, String title) {

}

package fr.pactecarto.pacte;

/** The document the dataset encodes (GraphQL type {@code SourceDocument}); {@code date} in ISO 8601. */
public record SourceDocument(String title, String body, String date) {

}

package fr.pactecarto.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GraphQL documents the map page sends, read from the classpath as the page fetches them
 * ({@code static/queries/<name>.graphql} of the frontend jar), so that a test that mimics the page sends
 * exactly what the page sends. Their variables are all optional but the panel's {@code $code}; {@code $pacte}
 * null means the default pacte.
 */
public final class PageDocuments {

	/** The first view: the pacte, its region, its map layers with their shapes, themes, axes, one coverage. */
	public static final String FIRST_VIEW = "first-view";

	/** One question's coverage (another theme or axis; the list view's headline counts). */
	public static final String COVERAGE = "coverage";

	/** One question's coverage with the matching actions (the exports). */
	public static final String COVERAGE_ACTIONS = "coverage-actions";

	/** The side panel: a territory's actions and the pacte's funding lines. */
	public static final String TERRITORY_PANEL = "territory-panel";

	/** Every document of the page. */
	public static final List<String> ALL = List.of(FIRST_VIEW, COVERAGE, COVERAGE_ACTIONS, TERRITORY_PANEL);

	private static final Map<String, String> texts = new ConcurrentHashMap<>();

	private PageDocuments() {
	}

	/** The text of the page's document {@code name}; fails if the frontend jar has no such file. */
	public static String get(String name) {
		return texts.computeIfAbsent(name, PageDocuments::read);
	}

	private static String read(String name) {
		String path = "static/queries/" + name + ".graphql";
		try (InputStream in = PageDocuments.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is not on the classpath (the frontend jar holds the page's documents)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path, ex);
		}
	}

}

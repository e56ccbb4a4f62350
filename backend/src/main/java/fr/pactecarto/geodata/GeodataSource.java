package fr.pactecarto.geodata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Where the contour files come from ({@code PACTE_GEODATA}): a directory or a base URL holding
 * {@code regions}, {@code departements}, {@code epci} and {@code communes} as {@code .geojson} or
 * {@code .geojson.gz} (the official Etalab download names them {@code <layer>-100m.geojson.gz}).
 */
public record GeodataSource(String location) {

	private static final List<String> SUFFIXES = List.of(".geojson.gz", ".geojson", "-100m.geojson.gz");

	/** A file of the source, opened: its name for messages and its content, gunzipped when it is gzip. */
	public record Input(String name, InputStream content) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.content.close();
		}

	}

	public GeodataSource {
		if (location == null || location.isBlank()) {
			throw new GeodataImportException("PACTE_GEODATA is empty: give a directory or a base URL of the contour files");
		}
		location = location.strip();
	}

	boolean isUrl() {
		return this.location.startsWith("http://") || this.location.startsWith("https://");
	}

	/** Opens the file of this layer, or fails naming what was looked for. */
	public Input open(GeodataLayer layer) {
		return isUrl() ? openUrl(layer) : openFile(layer);
	}

	private Input openFile(GeodataLayer layer) {
		Path directory = Path.of(this.location);
		if (!Files.isDirectory(directory)) {
			throw new GeodataImportException(
					"PACTE_GEODATA=" + this.location + " is neither a directory nor an http(s) URL of the contour files");
		}
		for (String suffix : SUFFIXES) {
			Path file = directory.resolve(layer.fileName() + suffix);
			if (Files.isRegularFile(file)) {
				try {
					return input(file.toString(), Files.newInputStream(file));
				}
				catch (IOException ex) {
					throw new GeodataImportException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
				}
			}
		}
		throw new GeodataImportException("PACTE_GEODATA=" + this.location + " has no " + layer.fileName()
				+ ".geojson or " + layer.fileName() + ".geojson.gz");
	}

	private Input openUrl(GeodataLayer layer) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(20))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String base = this.location.endsWith("/") ? this.location : this.location + "/";
		for (String suffix : SUFFIXES) {
			String url = base + layer.fileName() + suffix;
			try {
				HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() == 200) {
					return input(url, response.body());
				}
				response.body().close();
			}
			catch (IOException ex) {
				throw new GeodataImportException(url + ": cannot be downloaded (" + ex + "); set PACTE_GEODATA to a "
						+ "directory holding the contour files when this machine has no internet access", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GeodataImportException(url + ": download interrupted", ex);
			}
		}
		throw new GeodataImportException(base + ": no " + layer.fileName() + ".geojson[.gz] there (HTTP status not 200)");
	}

	// gzip is recognised by its magic number, whatever the file is named.
	private static Input input(String name, InputStream raw) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
		buffered.mark(2);
		int first = buffered.read();
		int second = buffered.read();
		buffered.reset();
		boolean gzip = first == 0x1f && second == 0x8b;
		try {
			return new Input(name, gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
		}
		catch (IOException ex) {
			buffered.close();
			throw new GeodataImportException(name + ": not a valid gzip file (" + ex.getMessage() + ")", ex);
		}
	}

}

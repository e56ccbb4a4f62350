package fr.pactecarto.geodata;

import java.time.Duration;
import java.util.Locale;

/**
 * What the import of one file did: features read, territories stored (inserted or changed), geometries
 * repaired by {@code ST_MakeValid}, features rejected, territories deleted because they vanished from the file.
 */
public record FileReport(String file, int read, int stored, int repaired, int rejected, int deleted, Duration elapsed) {

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s: %d read, %d stored, %d repaired, %d rejected, %d deleted, %.1f s", this.file,
				this.read, this.stored, this.repaired, this.rejected, this.deleted, this.elapsed.toMillis() / 1000.0);
	}

}

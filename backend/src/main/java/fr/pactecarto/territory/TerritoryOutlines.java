package fr.pactecarto.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.GeoJson;
import fr.pactecarto.live.DataVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The outlines of territories at a zoom: the ones stored at import for its band (table {@code territory_outline}),
 * kept in memory until the data changes, or the full outline without a zoom.
 * <p>
 * A map asks for the same outlines again and again (a department's communes, 300 to 1,400 of them, whatever box a
 * pan draws around them), and reading them was most of PostgreSQL's work for such a box: an index look-up and a
 * copy for each (its CPU per box of all of France's departments, under 8 clients: 7.1 ms with them, 2.7 ms without).
 * Kept here, keyed by territory and band, they are read once; a box then costs PostgreSQL its list of territories. The whole cache is dropped when the data version
 * changes ({@link DataVersion}: imports and edits, whoever made them) and nothing is kept while it is unknown, as
 * for the response cache. Bounded by the bytes it holds ({@code pacte.cache.outline-max-bytes}, 48 MB: the outlines
 * of every commune of France at zoom 9–12 take 45 MB). Full outlines (no zoom) are large and rarely asked: not kept.
 */
@Component
class TerritoryOutlines {

	/**
	 * The zoom bands stored at import, each up to its zoom ({@code geodata.ContourMerge}): an outline simplified to
	 * a pixel at zoom 4 serves zooms 0–4, and so on; the last one (13–20) is the full outline, rounded.
	 */
	static final int[] BANDS = { 4, 6, 8, 10, 12, 20 };

	/**
	 * With the version the outline was read at: one read before a change and kept after it is never found again.
	 * Not a record: a record's equals and hashCode run through method handles, 4 % of the service's CPU in the profile
	 * of a load of departments' boxes (up to 1,400 look-ups each); written out, with the hash computed once.
	 */
	private static final class Key {

		private final long version;

		private final TerritoryKind kind;

		private final String code;

		private final int band;

		private final int hash;

		Key(long version, TerritoryKind kind, String code, int band) {
			this.version = version;
			this.kind = kind;
			this.code = code;
			this.band = band;
			this.hash = (31 * (31 * code.hashCode() + kind.ordinal()) + band) * 31 + Long.hashCode(version);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.hash == this.hash && key.band == this.band && key.kind == this.kind
					&& key.version == this.version && key.code.equals(this.code);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	private final TerritoryRepository territories;

	private final DataVersion version;

	private final Cache<Key, GeoJson> outlines;

	private volatile long cachedVersion = DataVersion.UNKNOWN;

	TerritoryOutlines(TerritoryRepository territories, DataVersion version,
			@Value("${pacte.cache.outline-max-bytes:50331648}") long maxBytes) {
		this.territories = territories;
		this.version = version;
		this.outlines = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, GeoJson outline) -> 96 + key.code.length() + outline.length())
			.build();
	}

	/** The band holding {@code zoom} (0–20). */
	static int band(int zoom) {
		for (int band : BANDS) {
			if (zoom <= band) {
				return band;
			}
		}
		throw new IllegalArgumentException("zoom " + zoom + " is beyond the last band");
	}

	/**
	 * The outlines of these territories at {@code zoom} (null: the full outlines): those kept are taken from memory,
	 * the others read in one statement. Territories without an outline are left out.
	 */
	Mono<Map<TerritoryKey, GeoJson>> at(Collection<TerritoryKey> keys, Integer zoom) {
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		if (zoom == null) {
			return this.territories.findFullOutlines(keys);
		}
		int band = band(zoom);
		long current = this.version.current();
		if (current == DataVersion.UNKNOWN) {
			return this.territories.findOutlines(keys, band);
		}
		if (current != this.cachedVersion) {
			// Outlines of an older version are never asked for again: room for the new ones.
			this.outlines.invalidateAll();
			this.cachedVersion = current;
		}
		Map<TerritoryKey, GeoJson> found = new HashMap<>();
		List<TerritoryKey> missing = new ArrayList<>();
		for (TerritoryKey key : keys) {
			GeoJson kept = this.outlines.getIfPresent(new Key(current, key.kind(), key.code(), band));
			if (kept != null) {
				found.put(key, kept);
			}
			else {
				missing.add(key);
			}
		}
		if (missing.isEmpty()) {
			return Mono.just(found);
		}
		return this.territories.findOutlines(missing, band).map(read -> {
			// Read after the version was: at least as new as it. Kept only if no change was heard meanwhile, so
			// that a newer version never finds an outline read before it.
			if (this.version.current() == current) {
				read.forEach((key, outline) -> this.outlines.put(new Key(current, key.kind(), key.code(), band), outline));
			}
			found.putAll(read);
			return found;
		});
	}

}

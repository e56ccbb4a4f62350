package fr.pactecarto.map;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@PacteIntegrationTest
class MapConfigTests {

	@Autowired
	WebTestClient web;

	@Test
	void basemapSetToNoneIsSentAsNoTiles() {
		// The integration tests run with pacte.map.tile-url=none (see PacteIntegrationTest).
		this.web.get().uri("/map/config").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.tileUrl").doesNotExist()
			.jsonPath("$.tileAttribution").isEqualTo("");
	}

	@Test
	void tileTemplateIsPassedToThePageWithItsAttribution() {
		MapConfig config = MapConfig.of(new MapProperties("https://tiles.example.org/{z}/{x}/{y}.png", "© OSM"));
		assertThat(config).isEqualTo(new MapConfig("https://tiles.example.org/{z}/{x}/{y}.png", "© OSM"));
	}

	@Test
	void tileUrlThatIsNotATemplateIsRefusedNamingTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MapProperties("tile.openstreetmap.org", ""))
			.withMessageContaining("PACTE_TILE_URL")
			.withMessageContaining("'tile.openstreetmap.org'");
	}

	@Test
	void leafletIsCachedForAYearAndOurModulesAreRevalidated() {
		this.web.get().uri("/webjars/leaflet/1.9.4/dist/leaflet.js").exchange()
			.expectStatus().isOk()
			.expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=31536000"));
		this.web.get().uri("/js/main.js").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Cache-Control", "no-cache");
	}

}

package fr.pactecarto.map;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /map/config}: the page's basemap settings, read once at start-up. */
@RestController
@EnableConfigurationProperties(MapProperties.class)
class MapConfigController {

	private final MapConfig config;

	MapConfigController(MapProperties properties) {
		this.config = MapConfig.of(properties);
	}

	@GetMapping("/map/config")
	ResponseEntity<MapConfig> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(this.config);
	}

}

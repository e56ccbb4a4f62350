package fr.pactecarto.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.pactecarto.live.DataVersion;
import fr.pactecarto.support.HeadlessChromium;
import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.PageDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in a real headless Chromium (/usr/bin/chromium through /usr/bin/chromedriver, so that Selenium
 * Manager never downloads anything). Every expectation is read from the GraphQL API, never written here; what
 * mimics the page sends the page's own documents ({@link PageDocuments}). Screenshots go to
 * target/browser-artifacts.
 */
@PacteIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapBrowserTests {

	private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

	private static final String ACTIVE_SHAPES = "path[data-territory-code][data-active='true']";

	private static final String SHAPES = "path[data-territory-code]";

	/** The synthetic pacte of the tests (Corse, one layer of departments): only its id is known here. */
	private static final String FIXTURE_PACTE = TestData.FIXTURE;

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApplicationContext context;

	HeadlessChromium chromium;

	ChromeDriver browser;

	@BeforeAll
	void startBrowser() throws IOException {
		TestData.ensureLoaded(this.context);
		this.chromium = HeadlessChromium.start(1280, 800);
		this.browser = this.chromium.driver();
	}

	@AfterAll
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.quit();
		}
	}

	@BeforeEach
	void leaveAnyPresentation() {
		// A fresh page per test: state lives in the URL and the page, nothing carries over.
		this.browser.get("about:blank");
		this.browser.manage().logs().get(LogType.BROWSER);
	}

	@Test
	void defaultViewLoadsWithoutConsoleErrorAndNoRequestLeavesLocalhost() throws IOException {
		open("/");
		MapView expected = mapView(null);
		assertThat(codes(this.browser.findElements(By.cssSelector(SHAPES)))).isEqualTo(expected.codes());
		assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage(null, null));
		assertDrawn(expected);
		List<String> errors = this.browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(errors).isEmpty();
		@SuppressWarnings("unchecked")
		List<String> requested = (List<String>) script(
				"return performance.getEntriesByType('resource').map(e => e.name)"
						+ ".concat(performance.getEntriesByType('navigation').map(e => e.name))");
		assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base()));
		screenshot("default-view");
	}

	@Test
	void theFixturePacteDrawsItsOwnRegionAndLayersAndNothingOfTheDefaultPacte() throws IOException {
		MapView fixture = mapView(FIXTURE_PACTE);
		MapView byDefault = mapView(null);
		assertThat(fixture.id()).isNotEqualTo(byDefault.id());
		assertThat(fixture.codes()).as("the fixture's territories are imported").isNotEmpty();

		open("/?pacte=" + FIXTURE_PACTE);
		Set<String> drawn = codes(this.browser.findElements(By.cssSelector(SHAPES)));
		assertThat(drawn).isEqualTo(fixture.codes()).doesNotContainAnyElementsOf(byDefault.codes());
		assertDrawn(fixture);
		assertThat(this.browser.findElements(By.cssSelector("path[data-region-code='" + byDefault.regionCode() + "']"))).isEmpty();
		assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage(FIXTURE_PACTE, null, null));
		// The list view lists what the map draws, and the permalink keeps the pacte.
		this.browser.findElement(By.id("list-toggle")).click();
		assertThat(codes(this.browser.findElements(By.cssSelector("#list-view tr[data-territory-code]")))).isEqualTo(drawn);
		this.browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
		assertThat(waitForStableUrl()).contains("pacte=" + FIXTURE_PACTE, "zoom=");
		screenshot("fixture-pacte");
	}

	@Test
	void withAllOfFranceImportedTheDefaultPacteShowsExactlyItsRegionsDepartments() {
		MapView expected = mapView(null);
		List<Map<String, Object>> departments = this.graphQl
			.document("{ territories(filter: { kinds: [DEPARTMENT] }) { code parent { code kind } } }")
			.execute()
			.path("territories")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Set<String> ofTheRegion = departments.stream()
			.filter(d -> d.get("parent") instanceof Map<?, ?> parent && "REGION".equals(parent.get("kind"))
					&& expected.regionCode().equals(parent.get("code")))
			.map(d -> (String) d.get("code"))
			.collect(Collectors.toSet());
		assertThat(departments).as("the departments of all of France are imported").hasSizeGreaterThan(ofTheRegion.size());
		assertThat(ofTheRegion).isNotEmpty();

		open("/");
		Layer bottom = expected.layers().get(0);
		assertThat(codes(this.browser.findElements(By.cssSelector("path[data-layer='" + bottom.key() + "']")))).isEqualTo(ofTheRegion);
		Set<String> elsewhere = departments.stream().map(d -> (String) d.get("code")).filter(c -> !ofTheRegion.contains(c))
			.collect(Collectors.toSet());
		assertThat(codes(this.browser.findElements(By.cssSelector(SHAPES)))).doesNotContainAnyElementsOf(elsewhere);
		assertThat(this.browser.findElements(By.cssSelector("path[data-region-code]")))
			.singleElement().satisfies(path -> assertThat(path.getAttribute("data-region-code")).isEqualTo(expected.regionCode()));
	}

	@Test
	void anUnknownPacteIsSaidSo() {
		this.browser.get(base() + "/?pacte=00-1900");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(d -> "failed".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
		assertThat(this.browser.findElement(By.id("status")).getText()).contains("00-1900");
		assertThat(this.browser.findElements(By.cssSelector(SHAPES))).isEmpty();
	}

	@Test
	void mobilityThemeActivatesExactlyTheTerritoriesTheCoverageNames() {
		open("/?theme=mobilite");
		assertThat(coverage("mobilite", null)).isNotEmpty();
		assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage("mobilite", null));
	}

	@Test
	void anOpenMapIsRecolouredWhenTheDataChangesWithoutReload(@Autowired JdbcTemplate jdbc, @Autowired DataVersion version)
			throws IOException {
		open("/?pacte=" + FIXTURE_PACTE + "&theme=mobilite");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(d -> "live".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
		Set<String> before = coverage(FIXTURE_PACTE, "mobilite", null);
		assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(before);
		script("window.stayedOnPage = true");
		// What a planner's edit or an import does, committed elsewhere: the sub-action citing HC and 2A and
		// the action citing HC no longer cite Haute-Corse.
		Map<String, Object> s1 = jdbc.queryForMap("SELECT cited_as::text AS cited FROM pacte_action WHERE pacte_id = ? "
				+ "AND id = 'axe1-p1-a1-s1'", FIXTURE_PACTE);
		Map<String, Object> a3 = jdbc.queryForMap("SELECT cited_as::text AS cited FROM pacte_action WHERE pacte_id = ? "
				+ "AND id = 'axe2-p1-a3'", FIXTURE_PACTE);
		jdbc.update("UPDATE pacte_action SET cited_as = '{2A}' WHERE pacte_id = ? AND id = 'axe1-p1-a1-s1'", FIXTURE_PACTE);
		long seen = version.current();
		jdbc.update("UPDATE pacte_action SET cited_as = '{}' WHERE pacte_id = ? AND id = 'axe2-p1-a3'", FIXTURE_PACTE);
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> version.current() > seen);
			Set<String> after = coverage(FIXTURE_PACTE, "mobilite", null);
			assertThat(after).isNotEqualTo(before);
			new WebDriverWait(this.browser, Duration.ofSeconds(10))
				.until(d -> codes(d.findElements(By.cssSelector(ACTIVE_SHAPES))).equals(after));
			assertThat(this.browser.findElement(By.id("status")).getText()).contains("mise à jour");
			assertThat(script("return window.stayedOnPage === true")).as("no reload").isEqualTo(true);
			screenshot("live-update");
		}
		finally {
			jdbc.update("UPDATE pacte_action SET cited_as = CAST(? AS text[]) WHERE pacte_id = ? AND id = 'axe1-p1-a1-s1'",
					s1.get("cited"), FIXTURE_PACTE);
			jdbc.update("UPDATE pacte_action SET cited_as = CAST(? AS text[]) WHERE pacte_id = ? AND id = 'axe2-p1-a3'",
					a3.get("cited"), FIXTURE_PACTE);
		}
	}

	@Test
	void clickingATerritoryOpensItsActions() throws IOException {
		open("/?theme=mobilite");
		String code = this.graphQl.document(PageDocuments.get(PageDocuments.COVERAGE)).variable("theme", "mobilite").execute()
			.path("coverage[0].territory.code").entity(String.class).get();
		clickOnShape(code);
		WebElement panel = waitFor(By.cssSelector("#panel[data-territory-code='" + code + "'] li[data-action-id]"));
		assertThat(panel.isDisplayed()).isTrue();
		Set<String> shown = this.browser.findElements(By.cssSelector("#panel li[data-action-id]")).stream()
			.map(li -> li.getAttribute("data-action-id"))
			.collect(Collectors.toSet());
		Set<String> expected = new HashSet<>(this.graphQl
			.document(PageDocuments.get(PageDocuments.COVERAGE_ACTIONS))
			.variable("theme", "mobilite")
			.execute()
			.path("coverage[?(@.territory.code == '" + code + "')].actions[*].id")
			.entityList(String.class).get());
		assertThat(shown).isNotEmpty().isEqualTo(expected);
		assertThat(this.browser.getCurrentUrl()).contains("territory=" + code);
		screenshot("territory-panel");
	}

	@Test
	void presenterKeysStepThroughTheHeadlineThemesThenTheAxes() throws IOException {
		open("/");
		List<String> headline = this.graphQl.document("{ themes { slug headline } }").execute()
			.path("themes[?(@.headline == true)].slug").entityList(String.class).get();
		List<Integer> axes = this.graphQl.document("{ axes { number } }").execute()
			.path("axes[*].number").entityList(Integer.class).get();
		assertThat(headline).hasSize(3);

		this.browser.findElement(By.id("presenter-toggle")).click();
		waitForQuestion(headline.get(0), null);
		assertThat(this.browser.findElement(By.tagName("body")).getAttribute("class")).contains("presenter");
		assertThat(this.browser.findElement(By.id("caption")).getText()).isEqualTo("Qui agit sur la mobilité ?");
		assertThat(codes(this.browser.findElements(By.cssSelector("#answers li[data-territory-code]"))))
			.isEqualTo(coverage(headline.get(0), null));
		screenshot("presenter-mode");

		for (String theme : headline.subList(1, headline.size())) {
			press(Keys.ARROW_RIGHT);
			waitForQuestion(theme, null);
			assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage(theme, null));
		}
		for (Integer axis : axes) {
			press(Keys.ARROW_RIGHT);
			waitForQuestion(null, axis);
			assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage(null, axis));
		}
		press(Keys.ARROW_LEFT);
		waitForQuestion(null, axes.get(axes.size() - 2));
		press(Keys.ESCAPE);
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(d -> !d.findElement(By.tagName("body")).getAttribute("class").contains("presenter"));
	}

	@Test
	void permalinkRestoresItsView() {
		open("/");
		new Select(this.browser.findElement(By.id("theme"))).selectByValue("alimentation");
		waitForQuestion("alimentation", null);
		new Select(this.browser.findElement(By.id("axis"))).selectByValue("4");
		waitForQuestion("alimentation", 4);
		this.browser.findElement(By.id("list-toggle")).click();
		String code = this.browser.findElement(By.cssSelector("#list-view tr[data-territory-code]")).getAttribute("data-territory-code");
		this.browser.findElement(By.cssSelector("#list-view tr[data-territory-code='" + code + "'] button")).click();
		waitFor(By.cssSelector("#panel[data-territory-code='" + code + "']"));
		this.browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("territory=" + code)
				&& !d.getCurrentUrl().equals(base() + "/"));
		String permalink = waitForStableUrl();
		assertThat(permalink).contains("pacte=" + mapView(null).id(), "theme=alimentation", "axis=4", "territory=" + code,
				"lat=", "lon=", "zoom=");

		this.browser.get("about:blank");
		open(permalink.substring(base().length()));
		waitForQuestion("alimentation", 4);
		assertThat(new Select(this.browser.findElement(By.id("theme"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("alimentation");
		assertThat(new Select(this.browser.findElement(By.id("axis"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("4");
		assertThat(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES)))).isEqualTo(coverage("alimentation", 4));
		assertThat(waitFor(By.cssSelector("#panel[data-territory-code='" + code + "']")).isDisplayed()).isTrue();
		assertThat(waitForStableUrl()).isEqualTo(permalink);
	}

	@Test
	void listViewMatchesTheMapAndIsReachableFromTheKeyboard() throws IOException {
		open("/?theme=mobilite");
		WebElement toggle = this.browser.findElement(By.id("list-toggle"));
		toggle.sendKeys(Keys.ENTER);
		WebElement list = waitFor(By.cssSelector("#list-view table"));
		assertThat(list.isDisplayed()).isTrue();
		assertThat(codes(this.browser.findElements(By.cssSelector("#list-view tr[data-territory-code]"))))
			.isEqualTo(codes(this.browser.findElements(By.cssSelector("path[data-territory-code]"))));
		assertThat(codes(this.browser.findElements(By.cssSelector("#list-view tr[data-territory-code][data-active='true']"))))
			.isEqualTo(codes(this.browser.findElements(By.cssSelector(ACTIVE_SHAPES))))
			.isEqualTo(coverage("mobilite", null));
		// Focus moved into the table: Enter on a territory's name opens its panel.
		WebElement focused = this.browser.switchTo().activeElement();
		String code = focused.findElement(By.xpath("ancestor::tr")).getAttribute("data-territory-code");
		focused.sendKeys(Keys.ENTER);
		assertThat(waitFor(By.cssSelector("#panel[data-territory-code='" + code + "']")).isDisplayed()).isTrue();
		screenshot("list-view");
	}

	@Test
	void exportsHoldTheDrawnTerritoriesNamedAsTheirLayerCallsThem() {
		open("/?theme=mobilite");
		// Downloads are caught in the page: the link's blob is read back instead of saved (kept as created: the
		// page's Content-Security-Policy lets no script fetch a blob: URL).
		script("""
				window.downloads = [];
				const blobs = new Map();
				const create = URL.createObjectURL;
				URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
				HTMLAnchorElement.prototype.click = function () {
				  const name = this.download, blob = blobs.get(this.href);
				  window.downloads.push(blob.text().then(text => ({ name, type: blob.type, text })));
				};""");
		Map<String, String> itemLabels = new HashMap<>();
		var response = this.graphQl.document("{ pacte { id mapLayers { itemLabel territories { code } } } }").execute();
		String pacte = response.path("pacte.id").entity(String.class).get();
		List<String> labels = response.path("pacte.mapLayers[*].itemLabel").entityList(String.class).get();
		for (int i = 0; i < labels.size(); i++) {
			for (String code : response.path("pacte.mapLayers[" + i + "].territories[*].code").entityList(String.class).get()) {
				itemLabels.put(code, labels.get(i));
			}
		}
		for (String button : List.of("export-csv", "export-geojson", "export-png")) {
			this.browser.findElement(By.id(button)).click();
		}
		@SuppressWarnings("unchecked")
		List<Map<String, String>> files = (List<Map<String, String>>) new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> ((JavascriptExecutor) d).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					if (window.downloads.length < 3) done(null); else Promise.all(window.downloads).then(done);"""));
		assertThat(files).extracting(f -> f.get("name")).containsExactlyInAnyOrder("pacte-carto-" + pacte + "-mobilite.csv",
				"pacte-carto-" + pacte + "-mobilite.geojson", "pacte-carto-" + pacte + "-mobilite.png");
		String csv = files.stream().filter(f -> f.get("name").endsWith(".csv")).findFirst().orElseThrow().get("text");
		Map<String, String> typeByCode = csv.lines().skip(1).map(line -> line.split(";"))
			.collect(Collectors.toMap(cells -> cells[0], cells -> cells[2], (a, b) -> a));
		assertThat(typeByCode).isEqualTo(itemLabels);
		String geojson = files.stream().filter(f -> f.get("name").endsWith(".geojson")).findFirst().orElseThrow().get("text");
		assertThat(JsonPath.<List<String>>read(geojson, "$.features[?(@.properties.actionCount > 0)].properties.code"))
			.containsExactlyInAnyOrderElementsOf(coverage("mobilite", null));
		assertThat(files).filteredOn(f -> f.get("name").endsWith(".png")).singleElement()
			.satisfies(png -> assertThat(png.get("type")).isEqualTo("image/png"));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private void open(String path) {
		this.browser.get(base() + path);
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
	}

	private void waitForQuestion(String theme, Integer axis) {
		String key = ((theme != null) ? theme : "") + "|" + ((axis != null) ? axis : "");
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> {
			WebElement body = d.findElement(By.tagName("body"));
			return key.equals(body.getAttribute("data-question")) && "ready".equals(body.getAttribute("data-state"));
		});
	}

	private String waitForStableUrl() {
		// The page writes the view into the URL after each move; wait until two reads agree.
		String[] last = { "" };
		return new WebDriverWait(this.browser, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(300)).until(d -> {
			String now = d.getCurrentUrl();
			boolean stable = now.equals(last[0]);
			last[0] = now;
			return stable ? now : null;
		});
	}

	private WebElement waitFor(By selector) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> {
			List<WebElement> found = d.findElements(selector);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	private void press(Keys key) {
		new Actions(this.browser).sendKeys(key).perform();
	}

	private Object script(String code, Object... args) {
		return ((JavascriptExecutor) this.browser).executeScript(code, args);
	}

	/** A real mouse click on a point where the territory's shape is the topmost element. */
	private void clickOnShape(String code) {
		@SuppressWarnings("unchecked")
		List<Number> point = (List<Number>) script("""
				const path = document.querySelector(`path[data-territory-code="${arguments[0]}"]`);
				const box = path.getBoundingClientRect();
				for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
				  const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
				  if (document.elementFromPoint(x, y) === path) return [x, y];
				}
				return null;""", code);
		assertThat(point).as("a visible point of %s", code).isNotNull();
		new Actions(this.browser).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
	}

	private Set<String> coverage(String theme, Integer axis) {
		return coverage(null, theme, axis);
	}

	/** The territories the page's coverage document counts for the question (pacte null: the default one). */
	private Set<String> coverage(String pacte, String theme, Integer axis) {
		return new HashSet<>(this.graphQl.document(PageDocuments.get(PageDocuments.COVERAGE))
			.variable("pacte", pacte)
			.variable("theme", theme)
			.variable("axis", axis)
			.execute()
			.path("coverage[?(@.actionCount > 0)].territory.code")
			.entityList(String.class).get());
	}

	/** What the API says the map of a pacte shows (null: the default pacte). */
	private MapView mapView(String pacte) {
		var response = this.graphQl.document("""
				query($pacte: ID) { pacte(id: $pacte) {
				  id title regionCode region { name } mapLayers { key label territories { code } } } }""")
			.variable("pacte", pacte)
			.execute();
		List<String> keys = response.path("pacte.mapLayers[*].key").entityList(String.class).get();
		List<Layer> layers = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			layers.add(new Layer(keys.get(i), response.path("pacte.mapLayers[" + i + "].label").entity(String.class).get(),
					new HashSet<>(response.path("pacte.mapLayers[" + i + "].territories[*].code").entityList(String.class).get())));
		}
		return new MapView(response.path("pacte.id").entity(String.class).get(),
				response.path("pacte.title").entity(String.class).get(),
				response.path("pacte.regionCode").entity(String.class).get(),
				response.path("pacte.region.name").entity(String.class).get(), layers);
	}

	/** The open page draws this view: the region's outline, each layer's shapes, one toggle per layer, the titles. */
	private void assertDrawn(MapView view) {
		assertThat(this.browser.findElements(By.cssSelector("path[data-region-code]")))
			.singleElement().satisfies(path -> assertThat(path.getAttribute("data-region-code")).isEqualTo(view.regionCode()));
		for (Layer layer : view.layers()) {
			assertThat(codes(this.browser.findElements(By.cssSelector("path[data-layer='" + layer.key() + "']"))))
				.as("layer %s", layer.key()).isEqualTo(layer.codes());
		}
		assertThat(this.browser.findElements(By.cssSelector("#controls .layers label")).stream().map(WebElement::getText).toList())
			.isEqualTo(view.layers().stream().map(Layer::label).toList());
		// The header names the region; the pacte's own title is the page's title and the header's tooltip.
		WebElement brand = this.browser.findElement(By.id("brand"));
		assertThat(brand.getText()).contains(view.regionName());
		assertThat(brand.getAttribute("title")).contains(view.title());
		assertThat(this.browser.getTitle()).contains(view.title());
	}

	private static Set<String> codes(List<WebElement> elements) {
		return elements.stream().map(e -> e.getAttribute("data-territory-code")).collect(Collectors.toSet());
	}

	private record Layer(String key, String label, Set<String> codes) {
	}

	private record MapView(String id, String title, String regionCode, String regionName, List<Layer> layers) {

		Set<String> codes() {
			return this.layers.stream().flatMap(layer -> layer.codes().stream()).collect(Collectors.toSet());
		}

	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(ARTIFACTS);
		Files.write(ARTIFACTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}

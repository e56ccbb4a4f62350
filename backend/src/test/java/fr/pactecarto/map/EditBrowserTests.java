package fr.pactecarto.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.pactecarto.pacte.document.PacteImporter;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestAccounts;
import fr.pactecarto.support.HeadlessChromium;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing from the map page in a real headless Chromium (as {@link MapBrowserTests}): a planner signs in, opens
 * « Modifier » on an action of the territory panel, tags it with the question's theme, saves, sees the map
 * colour the territory without a reload and the change in « Historique », signs out and sees no editing control
 * again; a conflict shows both versions and who changed the action in between. On the fixture pacte (Corse
 * 2099), imported again after each test. Screenshots in target/browser-artifacts.
 */
@PacteIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditBrowserTests {

	private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

	private static final String FIXTURE_FILE = "pactes/fixture-corse-2099.yaml";

	/** The fixture's action citing 2A alone, not tagged « essai-logement »: the editor of 2A may change it. */
	private static final String ACTION = "axe1-p1-a1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient http;

	@Autowired
	PacteImporter importer;

	HeadlessChromium chromium;

	ChromeDriver browser;

	@BeforeAll
	void startBrowser() throws IOException {
		TestData.ensureLoaded(this.context);
		TestAccounts.ensureCreated(this.context);
		this.chromium = HeadlessChromium.start(1280, 900);
		this.browser = this.chromium.driver();
	}

	@AfterAll
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.quit();
		}
	}

	@BeforeEach
	void freshPage() {
		// Signed out: the cookies of the app's origin go (deleteAllCookies acts on the current page's origin).
		this.browser.get("http://localhost:" + this.port + "/map/config");
		this.browser.manage().deleteAllCookies();
		this.browser.get("about:blank");
		this.browser.manage().logs().get(LogType.BROWSER); // read: the log starts empty
	}

	@AfterEach
	void reimport() {
		this.importer.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
	}

	@Test
	void aPlannerSignsInEditsAnActionSeesTheMapChangeAndSignsOut() throws IOException {
		open("/?pacte=" + TestData.FIXTURE + "&theme=essai-logement&territory=2A");
		WebElement shape = this.browser.findElement(By.cssSelector("path[data-territory-code='2A']"));
		assertThat(shape.getAttribute("data-active")).isNull();
		String colourBefore = shape.getAttribute("fill");
		// Signed out: no editing control at all.
		waitFor(By.cssSelector("#sign-in-open"));
		assertThat(this.browser.findElements(By.cssSelector("[data-edit-action], #action-save"))).isEmpty();

		signIn(TestAccounts.EDITOR_2A);
		showAllActionsOfThePanel();
		waitFor(By.cssSelector("button[data-edit-action='" + ACTION + "']")).click();
		WebElement box = waitFor(By.cssSelector("#action-editor input[name=themes][value='essai-logement']"));
		assertThat(box.isSelected()).isFalse();
		box.click();
		screenshot("action-form");
		this.browser.findElement(By.id("action-save")).click();

		// The map recolours without a reload: 2A now runs an action on the question's theme.
		WebElement recoloured = waitFor(By.cssSelector("path[data-territory-code='2A'][data-active='true']"));
		assertThat(recoloured.getAttribute("fill")).isNotEqualTo(colourBefore);
		assertThat(this.browser.findElement(By.id("status")).getText()).isEqualTo("Action enregistrée : la carte est à jour.");
		screenshot("map-after-save");

		// Reloaded, the page loads and is still signed in.
		open("/?pacte=" + TestData.FIXTURE + "&theme=essai-logement&territory=2A");
		waitFor(By.id("sign-out"));
		assertThat(this.browser.findElement(By.cssSelector("path[data-territory-code='2A']")).getAttribute("data-active"))
			.isEqualTo("true");
		showAllActionsOfThePanel();

		waitFor(By.cssSelector("button[data-history-action='" + ACTION + "']")).click();
		WebElement entry = waitFor(By.cssSelector("#action-history li[data-change-id]"));
		assertThat(entry.getText()).contains("Modification par " + TestAccounts.EDITOR_2A, "Thèmes");
		screenshot("action-history");
		this.browser.findElement(By.cssSelector("#action-history button")).click();

		this.browser.findElement(By.id("sign-out")).click();
		waitFor(By.cssSelector("#sign-in-open"));
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.cssSelector("[data-edit-action]")).isEmpty());
		assertThat(errorsInConsole()).isEmpty();
	}

	@Test
	void anEditInOnePageRecoloursTheOtherOpenPage() throws IOException {
		String path = "/?pacte=" + TestData.FIXTURE + "&theme=essai-logement";
		open(path);
		String watching = this.browser.getWindowHandle();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(d -> "live".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
		assertThat(this.browser.findElement(By.cssSelector("path[data-territory-code='2A']")).getAttribute("data-active"))
			.isNull();
		this.browser.executeScript("window.stayedOnPage = true");
		// A second page, where a planner edits the action.
		this.browser.switchTo().newWindow(WindowType.WINDOW);
		try {
			open(path + "&territory=2A");
			signIn(TestAccounts.EDITOR_2A);
			showAllActionsOfThePanel();
			waitFor(By.cssSelector("button[data-edit-action='" + ACTION + "']")).click();
			waitFor(By.cssSelector("#action-editor input[name=themes][value='essai-logement']")).click();
			this.browser.findElement(By.id("action-save")).click();
			waitFor(By.cssSelector("path[data-territory-code='2A'][data-active='true']"));
		}
		finally {
			this.browser.close();
			this.browser.switchTo().window(watching);
		}
		// The first page, untouched since, has been recoloured by the live update, without a reload.
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> "true".equals(
				d.findElement(By.cssSelector("path[data-territory-code='2A']")).getAttribute("data-active")));
		assertThat(this.browser.executeScript("return window.stayedOnPage === true")).isEqualTo(true);
		screenshot("other-page-recoloured");
	}

	@Test
	void aConflictShowsBothVersionsAndWhoChangedTheActionInBetween() throws IOException {
		open("/?pacte=" + TestData.FIXTURE + "&territory=2A");
		signIn(TestAccounts.EDITOR_2A);
		waitFor(By.cssSelector("button[data-edit-action='" + ACTION + "']")).click();
		WebElement label = waitFor(By.cssSelector("#action-editor textarea[name=label]"));
		// Meanwhile an administrator changes the same action through the API.
		changeLabelAsAdministrator("Libellé changé par l'administrateur");
		label.clear();
		label.sendKeys("Libellé de l'éditeur");
		this.browser.findElement(By.id("action-save")).click();
		WebElement conflict = waitFor(By.cssSelector("#action-editor .conflict:not([hidden])"));
		assertThat(conflict.getText()).contains("modifiée entre-temps par " + TestAccounts.ADMIN, "Libellé de l'éditeur",
				"Libellé changé par l'administrateur", "Votre version", "Version actuelle");
		screenshot("conflict");
		// Keeping one's own version saves it on top of the current one, knowingly.
		this.browser.findElement(By.id("conflict-keep-mine")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> !d.findElement(By.id("action-editor")).isDisplayed());
		waitFor(By.xpath("//*[@id='panel']//li[@data-action-id='" + ACTION + "']//span[text()=\"Libellé de l'éditeur\"]"));

		// A blank wording is refused next to its field.
		waitFor(By.cssSelector("button[data-edit-action='" + ACTION + "']")).click();
		WebElement again = waitFor(By.cssSelector("#action-editor textarea[name=label]"));
		again.clear();
		this.browser.findElement(By.id("action-save")).click();
		WebElement error = waitFor(By.cssSelector("#error-label:not([hidden])"));
		assertThat(error.getText()).isEqualTo("Ce champ est obligatoire.");
		assertThat(again.getAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void withoutItsCsrfCookieASignedInPageStillLoads() {
		open("/?pacte=" + TestData.FIXTURE);
		signIn(TestAccounts.EDITOR_2A);
		// A new browser session may keep the session cookie and not the CSRF one: the page asks for it again.
		this.browser.manage().deleteCookieNamed("XSRF-TOKEN");
		open("/?pacte=" + TestData.FIXTURE + "&territory=2A");
		waitFor(By.id("sign-out"));
		waitFor(By.cssSelector("button[data-edit-action='" + ACTION + "']"));
	}

	@SuppressWarnings("unchecked")
	private void changeLabelAsAdministrator(String label) {
		String token = TestAccounts.token(this.context, TestAccounts.ADMIN);
		Map<String, Object> read = post(token, "query($p: ID, $id: ID!) { action(pacte: $p, id: $id) { version priority { id } "
				+ "themes { slug } citedAs } }", Map.of("p", TestData.FIXTURE, "id", ACTION));
		Map<String, Object> action = (Map<String, Object>) ((Map<String, Object>) read.get("data")).get("action");
		Map<String, Object> answer = post(token, "mutation($i: UpdateActionInput!) { updateAction(input: $i) { version } }",
				Map.of("i", Map.of("pacte", TestData.FIXTURE, "id", ACTION, "version", action.get("version"), "priority",
						((Map<String, Object>) action.get("priority")).get("id"), "label", label, "themes",
						((List<Map<String, Object>>) action.get("themes")).stream().map(t -> t.get("slug")).toList(),
						"citedAs", action.get("citedAs"))));
		assertThat(answer.get("errors")).isNull();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String token, String document, Map<String, Object> variables) {
		return this.http.post().uri("/graphql").headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document, "variables", variables))
			.exchange().expectBody(Map.class).returnResult().getResponseBody();
	}

	private void signIn(String login) {
		// Once the page knows it is signed out (GET /auth/session answered), the button is there to stay.
		waitFor(By.cssSelector("body[data-signed-in='false']"));
		waitFor(By.cssSelector("#sign-in-open")).click();
		waitFor(By.id("sign-in-login")).sendKeys(login);
		this.browser.findElement(By.id("sign-in-password")).sendKeys(TestAccounts.PASSWORD);
		this.browser.findElement(By.id("sign-in-submit")).click();
		waitFor(By.id("sign-out"));
	}

	private void showAllActionsOfThePanel() {
		waitFor(By.xpath("//*[@id='panel']//button[text()='Voir toutes ses actions']")).click();
	}

	private List<String> errorsInConsole() {
		return this.browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(20))
				.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("the page " + path + " is "
					+ this.browser.findElement(By.tagName("body")).getAttribute("data-state") + ": "
					+ this.browser.findElement(By.id("status")).getText() + " " + errorsInConsole(), ex);
		}
	}

	private WebElement waitFor(By selector) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> {
			List<WebElement> found = d.findElements(selector).stream().filter(WebElement::isDisplayed).toList();
			return found.isEmpty() ? null : found.get(0);
		});
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(ARTIFACTS);
		Files.write(ARTIFACTS.resolve("edit-" + name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}

package fr.pactecarto.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against a real PostGIS ({@link PostgisTestDatabase}), with an
 * {@code HttpGraphQlTester} bound to it. All such tests share one Spring context (and one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// No basemap in tests: the machine has no internet, and the browser tests check that no request leaves localhost.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pacte.map.tile-url=none")
@AutoConfigureHttpGraphQlTester
@Import({ PostgisTestDatabase.class, StatementCounter.class })
public @interface PacteIntegrationTest {

}

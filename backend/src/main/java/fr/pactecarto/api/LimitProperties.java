package fr.pactecarto.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every GraphQL request is held to ({@code pacte.limits.*}, see README « Limits »). The first four are
 * checked on the document as it will execute — fragments expanded, aliases counted — before any data is fetched;
 * the last three while it runs.
 *
 * @param maxDepth nesting of fields (introspection subtrees may nest to {@code maxIntrospectionDepth})
 * @param maxFragmentDepth nesting of fragment spreads inside one another
 * @param maxFields field selections once fragments are expanded (each alias counts)
 * @param maxArgumentItems items of any list argument ({@code filter.codes}…), nested lists included
 * @param maxCost estimated cost of the answer: about one point per 30 bytes of JSON (see {@link CostModel}); an
 *        estimate, so looser than {@code maxResponseBytes}, which stops the answer actually built
 * @param maxResponseBytes the largest answer built; beyond it the request fails with {@code RESPONSE_TOO_LARGE}
 * @param inFlightBytes bytes of answers all requests together may hold at once (default: a quarter of the heap);
 *        beyond it the request that asks for more fails with {@code OVERLOADED}
 * @param timeout time budget of one request: its work and SQL are cancelled beyond it
 */
@ConfigurationProperties("pacte.limits")
public record LimitProperties(@DefaultValue("10") int maxDepth, @DefaultValue("20") int maxIntrospectionDepth,
		@DefaultValue("30") int maxFragmentDepth, @DefaultValue("500") int maxFields, @DefaultValue("1000") int maxArgumentItems,
		@DefaultValue("1000000") long maxCost, @DefaultValue("16MB") DataSize maxResponseBytes, DataSize inFlightBytes,
		@DefaultValue("10s") Duration timeout) {

	public LimitProperties {
		if (inFlightBytes == null) {
			inFlightBytes = DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 4);
		}
	}

}

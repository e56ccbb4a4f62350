package fr.pactecarto.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import tools.jackson.databind.util.RawValue;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The output-only {@code GeoJSON} scalar: a {@link GeoJson} is handed to Jackson as a {@link RawValue} of its UTF-8
 * bytes, so the text PostGIS produced goes to the client byte for byte, as a JSON object.
 */
@Configuration(proxyBeanMethods = false)
class GeoJsonScalar {

	static final GraphQLScalarType GEO_JSON = GraphQLScalarType.newScalar()
		.name("GeoJSON")
		.description("A GeoJSON geometry object built by PostGIS")
		.coercing(new Coercing<GeoJson, RawValue>() {

			@Override
			public RawValue serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof GeoJson geoJson) {
					return geoJson.raw();
				}
				throw new CoercingSerializeException("Expected GeoJson but got " + value.getClass().getName());
			}

			@Override
			public GeoJson parseValue(Object input, GraphQLContext context, Locale locale) {
				throw new CoercingParseValueException("GeoJSON is an output type; it cannot be an argument");
			}

			@Override
			public GeoJson parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				throw new CoercingParseLiteralException("GeoJSON is an output type; it cannot be an argument");
			}

		})
		.build();

	@Bean
	RuntimeWiringConfigurer geoJsonScalarWiring() {
		return wiring -> wiring.scalar(GEO_JSON);
	}

}

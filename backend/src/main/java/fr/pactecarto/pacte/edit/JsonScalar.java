package fr.pactecarto.pacte.edit;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The output-only {@code JSON} scalar of the audit trail: the value (maps, lists, texts…) written as is. */
@Configuration(proxyBeanMethods = false)
class JsonScalar {

	static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
		.name("JSON")
		.description("Any JSON value, written as is")
		.coercing(new Coercing<Object, Object>() {

			@Override
			public Object serialize(Object value, GraphQLContext context, Locale locale) {
				return value;
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale) {
				throw new CoercingParseValueException("JSON is an output type; it cannot be an argument");
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				throw new CoercingParseLiteralException("JSON is an output type; it cannot be an argument");
			}

		})
		.build();

	@Bean
	RuntimeWiringConfigurer jsonScalarWiring() {
		return wiring -> wiring.scalar(JSON);
	}

}

package fr.pactecarto.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application runs over R2DBC, by wrapping its {@link ConnectionFactory} in an
 * r2dbc-proxy; batching tests compare the count of a small and a large query.
 */
public class StatementCounter implements BeanPostProcessor {

	private final AtomicInteger statements = new AtomicInteger();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ConnectionFactory connectionFactory)) {
			return bean;
		}
		return ProxyConnectionFactory.builder(connectionFactory).listener(new ProxyExecutionListener() {

			@Override
			public void afterQuery(QueryExecutionInfo execution) {
				StatementCounter.this.statements.addAndGet(execution.getQueries().size());
			}

		}).build();
	}

	/** The number of statements {@code work} ran. */
	public int count(Runnable work) {
		int before = this.statements.get();
		work.run();
		return this.statements.get() - before;
	}

}

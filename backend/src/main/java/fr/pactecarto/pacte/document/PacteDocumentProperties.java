package fr.pactecarto.pacte.document;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pacte.documents.*}: the pacte files loaded into a database that has no pacte yet, and the limits
 * every document read must stay within (see {@link DocumentLimits}).
 */
@ConfigurationProperties("pacte.documents")
public record PacteDocumentProperties(@DefaultValue("true") boolean loadOnStart,
		@DefaultValue("classpath:pactes/paca-2024.yaml") List<String> files, @DefaultValue("5MB") DataSize maxSize,
		@DefaultValue("5242880") int maxCodePoints, @DefaultValue("32") int maxDepth,
		@DefaultValue("0") int maxCollectionAliases, @DefaultValue("100") int maxErrors) {

	DocumentLimits limits() {
		return new DocumentLimits(this.maxSize.toBytes(), this.maxCodePoints, this.maxDepth, this.maxCollectionAliases,
				this.maxErrors);
	}

}

package org.hearth.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services Hearth offers, read from their definition files at start-up. A file that fails its checks stops
 * the start with a precise message. Each distinct content of a file becomes a new version in the database; the
 * versions stay readable, so an application started under version 3 is validated and shown under version 3 even
 * after version 4 arrives.
 */
@Service
public class ServiceCatalogue {

	private static final Logger log = LoggerFactory.getLogger(ServiceCatalogue.class);

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Map<String, ServiceDefinition> current = new LinkedHashMap<>();
	private final Map<String, ServiceDefinition> versions = new ConcurrentHashMap<>();

	ServiceCatalogue(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, Clock clock,
			@Value("${hearth.services.locations}") List<String> locations,
			@Value("${hearth.documents.max-size}") DataSize maxUpload) {
		this.jdbc = jdbc;
		this.json = json;
		List<String> problems = new ArrayList<>();
		for (Resource resource : resources(locations)) {
			String name = "services/" + resource.getFilename();
			try {
				String content = resource.getContentAsString(StandardCharsets.UTF_8);
				ServiceDefinition definition = DefinitionReader.read(name, content, (int) maxUpload.toMegabytes());
				if (current.containsKey(definition.code())) {
					problems.add(name + ": code '" + definition.code() + "' is defined by another file too");
					continue;
				}
				ServiceDefinition versioned = transactions
						.execute(status -> register(definition, content, clock));
				current.put(versioned.code(), versioned);
				versions.put(key(versioned.code(), versioned.version()), versioned);
			}
			catch (DefinitionException e) {
				problems.addAll(e.problems());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		if (!problems.isEmpty()) {
			throw new DefinitionException(String.join(", ", locations), problems);
		}
		log.info("Service catalogue: {}", current.values().stream().map(d -> d.code() + " v" + d.version()).toList());
	}

	/** Services open for new applications, in the order of their codes. */
	public List<ServiceDefinition> all() {
		return current.values().stream().sorted(Comparator.comparing(ServiceDefinition::code)).toList();
	}

	/** The current version of a service. */
	public Optional<ServiceDefinition> current(String code) {
		return Optional.ofNullable(current.get(code));
	}

	/** The version an application was started with. */
	public ServiceDefinition version(String code, int version) {
		return versions.computeIfAbsent(key(code, version), k -> jdbc
				.sql("SELECT definition::text FROM services.definition_version WHERE code = ? AND version = ?")
				.param(code).param(version).query(String.class).optional()
				.map(text -> json.readValue(text, ServiceDefinition.class))
				.orElseThrow(() -> new IllegalArgumentException("no version " + version + " of service " + code)));
	}

	private ServiceDefinition register(ServiceDefinition definition, String content, Clock clock) {
		String hash = sha256(content);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("services.definition:" + definition.code())
				.query(Object.class).single();
		Optional<Integer> known = jdbc.sql("SELECT version FROM services.definition_version WHERE code = ? AND sha256 = ?")
				.param(definition.code()).param(hash).query(Integer.class).optional();
		if (known.isPresent()) {
			return definition.withVersion(known.get());
		}
		int next = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM services.definition_version WHERE code = ?")
				.param(definition.code()).query(Integer.class).single();
		ServiceDefinition versioned = definition.withVersion(next);
		jdbc.sql("""
				INSERT INTO services.definition_version (code, version, sha256, definition, source, loaded_at)
				VALUES (?, ?, ?, ?::jsonb, ?, ?)""").param(definition.code()).param(next).param(hash)
				.param(json.writeValueAsString(versioned)).param(content).param(Timestamp.from(clock.instant()))
				.update();
		log.info("Service {}: new definition version {}", definition.code(), next);
		return versioned;
	}

	private static List<Resource> resources(List<String> locations) {
		var resolver = new PathMatchingResourcePatternResolver();
		List<Resource> found = new ArrayList<>();
		for (String location : locations) {
			try {
				found.addAll(List.of(resolver.getResources(location)));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		found.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())));
		return found;
	}

	private static String key(String code, int version) {
		return code + "@" + version;
	}

	private static String sha256(String content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

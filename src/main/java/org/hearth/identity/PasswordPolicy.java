package org.hearth.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResultDetail;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.rule.DictionaryRule;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length over composition (NIST SP 800-63B): 12 to 128 characters in any script, not a commonly used password,
 * not the e-mail address. The list of common passwords ships in the jar (zxcvbn's frequency list, MIT).
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	private final WordListDictionary common;
	private final PasswordValidator validator;

	PasswordPolicy() {
		try (Reader reader = new InputStreamReader(new ClassPathResource("identity/common-passwords.txt")
				.getInputStream(), StandardCharsets.UTF_8)) {
			common = new WordListDictionary(WordLists.createFromReader(new Reader[] { reader }, false));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		validator = new DefaultPasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH), new DictionaryRule(common),
				new UsernameRule(true, true));
	}

	/** Message keys of every rule {@code password} breaks; empty when it is acceptable. */
	public List<String> check(String password, String email) {
		Set<String> problems = new LinkedHashSet<>();
		var result = validator.validate(new PasswordData(email, password));
		for (RuleResultDetail detail : result.getDetails()) {
			problems.add(switch (detail.getErrorCode()) {
				case LengthRule.ERROR_CODE_MIN -> "identity.password.too-short";
				case LengthRule.ERROR_CODE_MAX -> "identity.password.too-long";
				case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> "identity.password.contains-email";
				default -> "identity.password.common";
			});
		}
		// "password2024!" is as guessable as "password": judge the core without padding digits and symbols.
		String core = password.toLowerCase(Locale.ROOT).replaceAll("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$", "");
		if (!core.isEmpty() && common.search(core) || password.codePoints().distinct().count() <= 2) {
			problems.add("identity.password.common");
		}
		return List.copyOf(problems);
	}
}

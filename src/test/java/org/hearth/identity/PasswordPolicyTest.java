package org.hearth.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsLongPassphrasesInAnyScript() {
		assertThat(policy.check("ծիրանի ծառ բակում", "a@example.org")).isEmpty();
		assertThat(policy.check("горы и тихая река", "a@example.org")).isEmpty();
		assertThat(policy.check("x".repeat(60) + "y".repeat(60) + "zzzzzzzz", "a@example.org")).isEmpty();
	}

	@Test
	void refusesShortLongCommonAndSelfReferentialPasswords() {
		assertThat(policy.check("short one", "a@example.org")).containsExactly("identity.password.too-short");
		assertThat(policy.check("ab".repeat(65), "a@example.org")).contains("identity.password.too-long");
		assertThat(policy.check("password1234", "a@example.org")).containsExactly("identity.password.common");
		assertThat(policy.check("Qwertyuiop!2024", "a@example.org")).containsExactly("identity.password.common");
		assertThat(policy.check("aaaaaaaaaaaaaaaa", "a@example.org")).containsExactly("identity.password.common");
		assertThat(policy.check("my mail is armen@example.org", "armen@example.org"))
				.containsExactly("identity.password.contains-email");
	}
}

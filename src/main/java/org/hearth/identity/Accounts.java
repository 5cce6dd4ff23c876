package org.hearth.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hearth.shared.Languages;
import org.springframework.stereotype.Service;

/** What other modules may learn of an account: how to write to the person, and who works where. */
@Service
public class Accounts {

	private final AccountRepository accounts;

	Accounts(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** Address and language for e-mail to this person. */
	public Optional<Contact> contact(AccountId id) {
		return accounts.findById(id).map(a -> new Contact(a.email(), Locale.forLanguageTag(a.language())));
	}

	/** The person last used Hearth in this language: write to them in it from now on. */
	public void rememberLanguage(AccountId id, Locale language) {
		accounts.updateLanguage(id, Languages.supported(language).orElse(Languages.DEFAULT).getLanguage());
	}

	/** Active staff of an office holding a role, for assignment lists. */
	public List<AccountId> staff(OfficeId office, Role role) {
		return accounts.findStaff(office, role).stream().map(Account::id).toList();
	}

	/** For the data protection officer's investigations: which account an address belongs to. */
	public Optional<AccountId> byEmail(String email) {
		return accounts.findByEmail(email).map(Account::id);
	}

	/** The e-mail addresses of accounts, for the data protection officer's view of who accessed what. */
	public Map<AccountId, String> emails(java.util.Collection<AccountId> ids) {
		Map<AccountId, String> emails = new java.util.HashMap<>();
		ids.stream().distinct().forEach(id -> accounts.findById(id).ifPresent(a -> emails.put(id, a.email())));
		return emails;
	}

	public record Contact(String email, Locale language) {
	}
}

package org.hearth.dialogue;

import java.util.UUID;

import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Evidence references are checked for their form and written one way, without reading aid or monitoring. */
class EvidenceReferencesTest {

	static final UUID SHIPMENT = UUID.fromString("3f2c0b8e-54a1-4c1f-9a3b-0f6d7a2e9c11");

	@Test
	void anAidDeliveryIsAShipmentIdWithOrWithoutItsItemOrARowOfTheDeliveriesCsv() {
		assertThat(EvidenceReferences.normalize(EvidenceKind.AID_DELIVERY, " " + SHIPMENT.toString().toUpperCase() + " "))
				.isEqualTo(SHIPMENT.toString());
		assertThat(EvidenceReferences.normalize(EvidenceKind.AID_DELIVERY, SHIPMENT + "/diesel"))
				.isEqualTo(SHIPMENT + "/diesel");
		assertThat(EvidenceReferences.normalize(EvidenceKind.AID_DELIVERY, SHIPMENT + " food-parcel"))
				.isEqualTo(SHIPMENT + "/food-parcel");
		String row = SHIPMENT + ",2023-10-04,2023-10-05,KHA-01," + UUID.randomUUID()
				+ ",\"School No. 1, Xankəndi\",SCHOOL,xankendi,diesel,FUEL,LITRE,1800,1800,";
		assertThat(EvidenceReferences.normalize(EvidenceKind.AID_DELIVERY, row)).isEqualTo(SHIPMENT + "/diesel");
		for (String bad : new String[] { "shipment 12", "3f2c0b8e", SHIPMENT + "/Diesel Oil!", "a,b,c" }) {
			assertThat(key(EvidenceKind.AID_DELIVERY, bad)).as(bad).isEqualTo("dialogue.error.evidence-delivery");
		}
	}

	@Test
	void anIncidentIsItsIdOrTheAddressOfItsPage() {
		UUID incident = UUID.randomUUID();
		assertThat(EvidenceReferences.normalize(EvidenceKind.INCIDENT, incident.toString())).isEqualTo(incident.toString());
		assertThat(EvidenceReferences.normalize(EvidenceKind.INCIDENT, "https://hearth.example/incidents/" + incident))
				.isEqualTo(incident.toString());
		assertThat(key(EvidenceKind.INCIDENT, "INC-2023-7")).isEqualTo("dialogue.error.evidence-incident");
	}

	@Test
	void aWebPageIsAnHttpsAddressWithAHostAndNoCredentials() {
		assertThat(EvidenceReferences.normalize(EvidenceKind.URL, "HTTPS://www.icrc.org/en/report?id=1"))
				.isEqualTo("https://www.icrc.org/en/report?id=1");
		assertThat(key(EvidenceKind.URL, "http://www.icrc.org/")).isEqualTo("dialogue.error.evidence-url-https");
		assertThat(key(EvidenceKind.URL, "javascript:alert(1)")).isEqualTo("dialogue.error.evidence-url-https");
		assertThat(key(EvidenceKind.URL, "https://user:secret@example.org/")).isEqualTo("dialogue.error.evidence-url");
		assertThat(key(EvidenceKind.URL, "https:///nohost")).isEqualTo("dialogue.error.evidence-url");
		assertThat(key(EvidenceKind.URL, "https://exa mple.org/")).isEqualTo("dialogue.error.evidence-url");
		assertThat(key(EvidenceKind.URL, "https://example.org/" + "a".repeat(2000))).isEqualTo("dialogue.error.evidence-url-long");
		assertThat(key(EvidenceKind.URL, "  ")).isEqualTo("dialogue.error.evidence-reference");
	}

	static String key(EvidenceKind kind, String typed) {
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> EvidenceReferences.normalize(kind, typed));
		return refused == null ? "accepted" : refused.messageKey();
	}
}

package org.hearth.housing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hearth.housing.allocation.Assignment;
import org.hearth.housing.allocation.Household;
import org.hearth.housing.allocation.Result;
import org.hearth.housing.allocation.Rules;
import org.hearth.housing.allocation.Unit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A round's input and result as published files: canonical JSON (fixed key order, sorted rows, no spaces, UTF-8),
 * so that the same content has one byte form and one SHA-256. Households appear under a pseudonym of the round
 * only; nothing in these files names anyone.
 */
public final class RoundFiles {

	private RoundFiles() {
	}

	/** What a round was run on, read back from its file. */
	public record Input(int round, String algorithm, Rules rules, List<Household> households, List<Unit> units) {
	}

	public static byte[] input(int round, Rules rules, List<Household> households, List<Unit> units) {
		StringBuilder json = new StringBuilder();
		json.append("{\"round\":").append(round).append(",\"algorithm\":");
		string(json, org.hearth.housing.allocation.AllocationSolver.ALGORITHM_VERSION);
		json.append(",\"rules\":{\"preferenceWeights\":[");
		int[] weights = rules.preferenceWeights();
		for (int i = 0; i < weights.length; i++) {
			json.append(i == 0 ? "" : ",").append(weights[i]);
		}
		json.append("],\"minPersonsPerRoomOffset\":").append(rules.minPersonsPerRoomOffset())
				.append(",\"maxPersonsPerRoom\":").append(rules.maxPersonsPerRoom()).append("},\"households\":[");
		List<Household> sortedHouseholds = new ArrayList<>(households);
		sortedHouseholds.sort(Comparator.comparing(Household::id));
		for (int i = 0; i < sortedHouseholds.size(); i++) {
			Household h = sortedHouseholds.get(i);
			json.append(i == 0 ? "" : ",").append("{\"id\":");
			string(json, h.id());
			json.append(",\"priority\":").append(h.priority()).append(",\"size\":").append(h.size())
					.append(",\"needsStepFree\":").append(h.needsStepFree()).append(",\"preferences\":[");
			for (int j = 0; j < h.preferences().size(); j++) {
				if (j > 0) {
					json.append(',');
				}
				string(json, h.preferences().get(j));
			}
			json.append("]}");
		}
		json.append("],\"units\":[");
		List<Unit> sortedUnits = new ArrayList<>(units);
		sortedUnits.sort(Comparator.comparing(Unit::id));
		for (int i = 0; i < sortedUnits.size(); i++) {
			Unit u = sortedUnits.get(i);
			json.append(i == 0 ? "" : ",").append("{\"id\":");
			string(json, u.id());
			json.append(",\"settlement\":");
			string(json, u.settlement());
			json.append(",\"rooms\":").append(u.rooms()).append(",\"stepFree\":").append(u.stepFree())
					.append(",\"released\":").append(u.released()).append('}');
		}
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] result(Result result) {
		StringBuilder json = new StringBuilder("{\"assignments\":[");
		List<Assignment> assignments = result.assignments();
		for (int i = 0; i < assignments.size(); i++) {
			Assignment a = assignments.get(i);
			json.append(i == 0 ? "" : ",").append("{\"household\":");
			string(json, a.householdId());
			json.append(",\"unit\":");
			string(json, a.unitId());
			json.append(",\"preferenceRank\":").append(a.preferenceRank()).append(",\"value\":").append(a.value())
					.append('}');
		}
		return json.append("],\"totalValue\":").append(result.totalValue()).append('}').toString()
				.getBytes(StandardCharsets.UTF_8);
	}

	/** Reads an input file; throws IllegalArgumentException naming what is wrong with it. */
	public static Input parseInput(byte[] file) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(file);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
		}
		try {
			JsonNode r = required(root, "rules");
			List<Integer> weights = new ArrayList<>();
			required(r, "preferenceWeights").forEach(w -> weights.add(w.asInt()));
			Rules rules = new Rules(weights.stream().mapToInt(Integer::intValue).toArray(),
					required(r, "minPersonsPerRoomOffset").asInt(), required(r, "maxPersonsPerRoom").asInt());
			List<Household> households = new ArrayList<>();
			for (JsonNode h : required(root, "households")) {
				List<String> preferences = new ArrayList<>();
				required(h, "preferences").forEach(p -> preferences.add(p.asString()));
				households.add(new Household(required(h, "id").asString(), required(h, "priority").asLong(),
						required(h, "size").asInt(), required(h, "needsStepFree").asBoolean(), preferences));
			}
			List<Unit> units = new ArrayList<>();
			for (JsonNode u : required(root, "units")) {
				units.add(new Unit(required(u, "id").asString(), required(u, "settlement").asString(),
						required(u, "rooms").asInt(), required(u, "stepFree").asBoolean(),
						required(u, "released").asBoolean()));
			}
			return new Input(required(root, "round").asInt(), required(root, "algorithm").asString(), rules,
					households, units);
		}
		catch (IllegalArgumentException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not a round input: " + e.getMessage(), e);
		}
	}

	private static JsonNode required(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException("missing field '" + field + "'");
		}
		return value;
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}
}

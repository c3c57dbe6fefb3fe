package org.customerportfolio.example;

import java.util.List;
import java.util.SplittableRandom;

import org.customerportfolio.shared.Language;

/**
 * The words the example portfolio is written in: fictional place names, Dutch people, and
 * every phrase in Dutch and English, so that a newcomer reads the example in the language
 * they chose.
 */
final class Texts {

	/** One phrase in both languages. */
	record Text(String nl, String en) {

		String in(Language language) {
			return (language == Language.NL) ? this.nl : this.en;
		}

	}

	static final List<String> PLACE_STEMS = List.of("Linge", "Eem", "Vecht", "Heide", "Zilver", "Brede", "Wester",
			"Ooster", "Kamp", "Berkel", "Dommel", "Hunze", "Regge", "Geul", "Merwe", "Lek", "Zwaluw", "Eiken", "Beuken",
			"Klaver", "Riet", "Venne", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Zand", "Klei", "Mol");

	static final List<String> PLACE_ENDS = List.of("hoven", "sluis", "broek", "dijk", "haven", "veen", "horst", "oord",
			"wijk", "dam", "kerk", "meer", "zande", "burg", "lo");

	static final List<String> PROVINCES = List.of("Noord-Veenland", "Zuid-Eemland", "Lingewaard-Oost", "West-Heidegouw",
			"Kempenland", "Rivierengouw", "Kustland", "Hunzedal");

	static final List<String> SURNAMES = List.of("de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
			"Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker",
			"Brouwer", "de Wit", "Dijkstra", "de Graaf", "van der Meer", "Hoekstra", "Kok", "Prins", "Huisman",
			"Postma", "van Leeuwen", "Kuipers", "Veenstra", "Schouten", "Willems", "Jacobs", "van der Linden", "Kramer",
			"Vermeulen", "Boersma", "Kaya", "El Idrissi", "Yilmaz", "Wouters", "Timmermans", "Verhoeven");

	static final List<String> FIRST_NAMES = List.of("Jeroen", "Sanne", "Pieter", "Lotte", "Daan", "Fleur", "Bram",
			"Iris", "Thijs", "Anouk", "Ruud", "Marloes", "Koen", "Eva", "Joost", "Noor", "Sven", "Femke", "Mohamed",
			"Fatima", "Hans", "Ingrid", "Wouter", "Esther", "Martijn", "Linda", "Bas", "Sophie", "Erik", "Yara", "Emre",
			"Ayşe");

	static final List<String> CITIES_NL = List.of("Utrecht", "Amersfoort", "Zwolle", "Arnhem", "Rotterdam", "Den Haag",
			"Eindhoven", "Groningen", "Leeuwarden", "Breda", "Nijmegen", "'s-Hertogenbosch", "Delft", "Deventer",
			"Apeldoorn", "Almere", "Haarlem", "Leiden", "Maastricht", "Enschede", "Dordrecht", "Tilburg", "Assen",
			"Middelburg", "Lelystad");

	static final List<String> CITIES_BE = List.of("Antwerpen", "Gent", "Hasselt");

	static final List<String> CITIES_DE = List.of("Düsseldorf", "Aachen", "Münster");

	/**
	 * Business types as the customer module seeds them, with how often each occurs (per
	 * 100).
	 */
	static final List<String> TYPES = List.of("municipal", "government", "contractor", "manufacturer", "investor",
			"consultant", "other");

	static final int[] TYPE_WEIGHTS = { 20, 12, 22, 14, 10, 12, 10 };

	/** The service categories the invoicing module seeds. */
	static final List<String> CATEGORIES = List.of("design", "consulting", "supervision", "maintenance", "other");

	/** Their Dutch labels, as an accounting export names them. */
	static final List<String> CATEGORY_LABELS_NL = List.of("Ontwerp", "Advies", "Toezicht", "Onderhoud", "Overig");

	/** Per business type, the weight of each category above. */
	static final int[][] CATEGORY_MIX = { { 15, 45, 30, 5, 5 }, // municipal
			{ 20, 40, 30, 5, 5 }, // government
			{ 45, 10, 35, 5, 5 }, // contractor
			{ 50, 15, 5, 25, 5 }, // manufacturer
			{ 20, 60, 15, 0, 5 }, // investor
			{ 40, 45, 5, 0, 10 }, // consultant
			{ 20, 40, 10, 15, 15 } }; // other

	static final List<List<Text>> WORK = List.of(
			List.of(new Text("Ontwerp kademuur", "Quay wall design"),
					new Text("Constructief ontwerp", "Structural design"),
					new Text("Ontwerpberekeningen", "Design calculations"), new Text("Tekenwerk", "Drawings"),
					new Text("Definitief ontwerp", "Final design")),
			List.of(new Text("Haalbaarheidsstudie", "Feasibility study"),
					new Text("Advies vergunningen", "Permit advice"), new Text("Risicoanalyse", "Risk analysis"),
					new Text("Adviesuren", "Advisory hours"), new Text("Second opinion", "Second opinion")),
			List.of(new Text("Directievoering", "Site supervision"), new Text("Bouwtoezicht", "Construction oversight"),
					new Text("Kwaliteitscontrole", "Quality inspection"),
					new Text("Opleveringskeuring", "Handover inspection")),
			List.of(new Text("Onderhoudscontract", "Maintenance contract"),
					new Text("Inspectieronde", "Inspection round"), new Text("Storingsdienst", "Call-out service"),
					new Text("Meerjarenonderhoudsplan", "Long-term maintenance plan")),
			List.of(new Text("Reiskosten", "Travel expenses"), new Text("Meerwerk", "Additional work"),
					new Text("Workshop", "Workshop")));

	static final List<Text> PROJECTS = List.of(new Text("Kade Zuid", "South Quay"),
			new Text("Brug Oost", "East Bridge"), new Text("Rondweg", "Ring road"),
			new Text("Gemaal", "Pumping station"), new Text("Sluiscomplex", "Lock complex"),
			new Text("Fietstunnel", "Cycle tunnel"), new Text("Hal 3", "Hall 3"),
			new Text("Dijkversterking", "Dike reinforcement"), new Text("Warmtenet", "Heat network"),
			new Text("Stationsgebied", "Station area"), new Text("Bedrijventerrein", "Business park"),
			new Text("Waterzuivering", "Water treatment"));

	static final List<Text> JOB_TITLES = List.of(new Text("Projectmanager", "Project manager"),
			new Text("Inkoper", "Buyer"), new Text("Directeur", "Managing director"),
			new Text("Hoofd techniek", "Head of engineering"), new Text("Contractmanager", "Contract manager"),
			new Text("Beleidsadviseur", "Policy adviser"), new Text("Assetmanager", "Asset manager"),
			new Text("Werkvoorbereider", "Work planner"));

	static final List<Text> TAGS = List.of(new Text("raamcontract", "framework agreement"),
			new Text("waterbouw", "hydraulic engineering"), new Text("infra", "infrastructure"),
			new Text("energietransitie", "energy transition"), new Text("sleutelklant", "key account"),
			new Text("aanbesteding", "tender"));

	static final List<Text> NOTES = List.of(
			new Text("Vaste opdrachtgever voor ontwerp en toezicht.", "Regular client for design and supervision."),
			new Text("Werkt met jaarlijkse raamcontracten.", "Works with yearly framework agreements."),
			new Text("Besluit traag; veel afstemming nodig.", "Slow to decide; needs a lot of alignment."),
			new Text("Kiest vaak op prijs.", "Often chooses on price."),
			new Text("Wil ons ook voor onderhoud inschakelen.", "Wants to involve us in maintenance too."));

	static final List<Text> EVALUATION_COMMENTS = List.of(
			new Text("Jaarlijks relatiegesprek.", "Yearly relationship review."),
			new Text("Na oplevering van het project besproken.", "Discussed after the project was handed over."),
			new Text("Nieuwe contactpersoon sinds dit jaar.", "New contact person since this year."),
			new Text("Klachten over de planning.", "Complaints about the schedule."),
			new Text("Tevreden over het toezicht.", "Pleased with the supervision."));

	static final Text REMARK = new Text("Toelichting bij de beoordeling", "Note on the rating");

	private Texts() {
	}

	static <T> T pick(List<T> items, SplittableRandom random) {
		return items.get(random.nextInt(items.size()));
	}

	static String place(SplittableRandom random) {
		return pick(PLACE_STEMS, random) + pick(PLACE_ENDS, random);
	}

	static String person(SplittableRandom random) {
		return pick(FIRST_NAMES, random) + " " + pick(SURNAMES, random);
	}

	/**
	 * A fictional organisation of the given business type; public bodies in the user's
	 * language.
	 */
	static String organisation(String type, String place, SplittableRandom random, Language language) {
		boolean nl = language == Language.NL;
		String surname = capitalised(pick(SURNAMES, random));
		return switch (type) {
			case "municipal" -> switch (random.nextInt(3)) {
				case 0 -> nl ? "Gemeente " + place : "Municipality of " + place;
				case 1 -> nl ? "Gemeentewerken " + place : place + " Public Works";
				default -> nl ? "Omgevingsdienst " + place : place + " Environmental Service";
			};
			case "government" -> switch (random.nextInt(3)) {
				case 0 -> nl ? "Provincie " + pick(PROVINCES, random) : "Province of " + pick(PROVINCES, random);
				case 1 -> nl ? "Waterschap " + place : place + " Water Authority";
				default -> nl ? "Havenbedrijf " + place : "Port of " + place;
			};
			case "contractor" -> switch (random.nextInt(4)) {
				case 0 -> "Bouwbedrijf " + surname;
				case 1 -> "Aannemersbedrijf " + surname + " & Zn.";
				case 2 -> surname + " Grond- en Waterbouw";
				default -> "Bouwcombinatie " + place;
			};
			case "manufacturer" -> switch (random.nextInt(4)) {
				case 0 -> surname + " Staalbouw";
				case 1 -> "Machinefabriek " + place;
				case 2 -> surname + " Prefab Beton";
				default -> "Kraanbouw " + place;
			};
			case "investor" -> switch (random.nextInt(3)) {
				case 0 -> "Vastgoedfonds " + place;
				case 1 -> surname + " Vastgoed";
				default -> place + " Capital";
			};
			case "consultant" -> switch (random.nextInt(3)) {
				case 0 -> "Adviesbureau " + surname;
				case 1 -> surname + " Ingenieurs";
				default -> place + " Consult";
			};
			default -> switch (random.nextInt(3)) {
				case 0 -> nl ? "Woningcorporatie " + place : place + " Housing Association";
				case 1 -> nl ? "Zorggroep " + place : place + " Care Group";
				default -> nl ? "Energiecoöperatie " + place : place + " Energy Cooperative";
			};
		};
	}

	/** Whether organisations of this type are named after their place and sit there. */
	static boolean publicBody(String type) {
		return "municipal".equals(type) || "government".equals(type);
	}

	private static String capitalised(String surname) {
		return Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
	}

	static String slug(String name) {
		String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "klant" : slug;
	}

}

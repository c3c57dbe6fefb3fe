package org.customerportfolio.example;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.NewUser;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.TeamMemberDetails;
import org.customerportfolio.customer.TeamRole;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.example.PortfolioGenerator.Customer;
import org.customerportfolio.example.PortfolioGenerator.Evaluation;
import org.customerportfolio.example.PortfolioGenerator.Trajectory;
import org.customerportfolio.example.Texts.Text;
import org.customerportfolio.invoicing.BulkInvoiceLines;
import org.customerportfolio.plan.ActionStatus;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ActionDetails;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.Language;

import org.springframework.stereotype.Component;

/**
 * Writes the newcomers' example through the modules' public services, as a user would
 * have built it up: colleagues as users, customers with contacts and team, invoice lines
 * as an import writes them, the evaluations with their dates, and a few relationship
 * plans with goals, actions and decisions. Runs in the caller's transaction.
 */
@Component
class ExampleLoader {

	/**
	 * The colleagues who manage the accounts (editors) and the controller who reads along
	 * (viewer).
	 */
	private static final List<String[]> COLLEAGUES = List.of(new String[] { "jeroen.bakker", "Jeroen Bakker" },
			new String[] { "sanne.visser", "Sanne Visser" }, new String[] { "youssef.elamrani", "Youssef El Amrani" });

	private static final String[] CONTROLLER = { "lotte.jansen", "Lotte Jansen" };

	private final AccountManagement accounts;

	private final CustomerManagement customers;

	private final EvaluationManagement evaluations;

	private final CriteriaManagement criteria;

	private final PlanManagement plans;

	private final InvoiceLineWriter lines;

	private final ZoneId zone;

	ExampleLoader(AccountManagement accounts, CustomerManagement customers, EvaluationManagement evaluations,
			CriteriaManagement criteria, PlanManagement plans, BulkInvoiceLines bulkLines,
			org.customerportfolio.shared.Formats formats) {
		this.accounts = accounts;
		this.customers = customers;
		this.evaluations = evaluations;
		this.criteria = criteria;
		this.plans = plans;
		this.lines = new InvoiceLineWriter(bulkLines);
		this.zone = formats.zone();
	}

	ExamplePortfolio.Loaded load(PortfolioGenerator generator, Language language, String actor) {
		int[] usersCreated = { 0 };
		List<UserSummary> managers = new ArrayList<>();
		for (String[] colleague : COLLEAGUES) {
			managers.add(user(colleague, Role.EDITOR, language, actor, usersCreated));
		}
		user(CONTROLLER, Role.VIEWER, language, actor, usersCreated);

		List<Customer> invented = generator.customers();
		List<Long> ids = new ArrayList<>(invented.size());
		int lastYear = generator.asOf().getYear();
		for (Customer customer : invented) {
			UserSummary manager = managers.get(customer.manager() % managers.size());
			boolean ended = customer.lostIn() != null && customer.lostIn() < lastYear;
			long id = this.customers
				.register(new CustomerDetails(customer.name(), customer.reference(), customer.businessType(),
						customer.registrationNumber(), customer.vatNumber(), customer.country(), customer.city(),
						customer.website(), ended ? CustomerStatus.ENDED : CustomerStatus.ACTIVE, customer.tags(),
						customer.notes(), manager.id()), actor)
				.id();
			ids.add(id);
			people(id, customer, manager, language, actor);
		}

		long importId = this.lines.begin("example-portfolio", actor);
		this.lines.customers(generator, invented, ids, importId);
		long written = this.lines.finish(importId, invented.size());

		List<Criterion> current = this.criteria.current();
		int evaluated = 0;
		for (Customer customer : invented) {
			for (Evaluation evaluation : generator.evaluations(customer)) {
				this.evaluations.record(ids.get(customer.index()),
						Answers.asInput(Answers.of(current, evaluation, language)), evaluation.comment(),
						evaluation.date().atTime(10, 0).atZone(this.zone).toInstant(), actor);
				evaluated++;
			}
		}
		plans(generator, invented, ids, managers, language, actor);
		return new ExamplePortfolio.Loaded(invented.size(), written, evaluated, usersCreated[0], 0);
	}

	private UserSummary user(String[] who, Role role, Language language, String actor, int[] created) {
		for (UserSummary user : this.accounts.users()) {
			if (user.username().equals(who[0]) && user.enabled()) {
				return user;
			}
		}
		// nobody knows this password: an administrator sets one to let the colleague in
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		created[0]++;
		return this.accounts.createUser(
				new NewUser(who[0], who[1], Base64.getUrlEncoder().encodeToString(secret), role, language), actor);
	}

	private void people(long id, Customer customer, UserSummary manager, Language language, String actor) {
		SplittableRandom random = new SplittableRandom(customer.index() * 31L + 7);
		String domain = customer.website().replace("https://www.", "");
		int contacts = 1 + random.nextInt(3);
		Set<String> names = new HashSet<>();
		for (int c = 0; c < contacts; c++) {
			String name = Texts.person(random);
			if (!names.add(name)) {
				continue;
			}
			ContactRole role = (c == 0) ? ContactRole.DECISION_MAKER
					: ContactRole.values()[1 + random.nextInt(ContactRole.values().length - 1)];
			String email = Texts.slug(name).replace('-', '.') + "@" + domain;
			String phone = "+31 " + (10 + random.nextInt(89)) + " " + (100 + random.nextInt(900)) + " "
					+ (1000 + random.nextInt(9000));
			this.customers.addContact(id, new ContactDetails(name, Texts.pick(Texts.JOB_TITLES, random).in(language),
					email, phone, role, null), actor);
		}
		this.customers.addTeamMember(id, new TeamMemberDetails(manager.id(), null, TeamRole.ACCOUNT_MANAGER), actor);
		if (random.nextBoolean()) {
			this.customers.addTeamMember(id, new TeamMemberDetails(null, Texts.person(random), TeamRole.PROJECT_LEAD),
					actor);
		}
	}

	/**
	 * A few plans: develop the largest account, improve one that slides, maintain a
	 * steady one, and end a loss-making relationship that has stopped buying.
	 */
	private void plans(PortfolioGenerator generator, List<Customer> invented, List<Long> ids,
			List<UserSummary> managers, Language language, String actor) {
		LocalDate today = generator.asOf();
		int lastYear = today.getYear();
		List<Customer> current = invented.stream()
			.filter(Customer::active)
			.sorted(Comparator.comparingDouble(Customer::size).reversed())
			.toList();
		if (current.isEmpty()) {
			return;
		}
		Customer largest = current.get(0);
		long id = ids.get(largest.index());
		String owner = owner(largest, managers);
		strategy(id, Strategy.DEVELOP,
				t("Grootste klant met ruimte voor onderhoud en toezicht.",
						"Largest customer, with room for maintenance and supervision."),
				today.minusMonths(10), actor, language);
		this.plans.addGoal(id,
				t("Raamcontract onderhoud binnenhalen", "Win the maintenance framework agreement").in(language),
				today.plusMonths(6), actor);
		this.plans.addGoal(id,
				t("Omzet toezicht 20 % hoger dan vorig jaar", "Supervision revenue 20 % above last year").in(language),
				LocalDate.of(lastYear, 12, 31), actor);
		action(id, t("Kwartaaloverleg met de directie plannen", "Schedule the quarterly meeting with the board"), owner,
				today.minusMonths(2), ActionStatus.DONE, actor, language);
		action(id, t("Offerte brugrenovatie uitbrengen", "Submit the bridge renovation quote"), owner,
				today.minusDays(18), ActionStatus.OPEN, actor, language);
		action(id, t("Voorstel meerjarenonderhoudsplan opstellen", "Draft the long-term maintenance proposal"), owner,
				today.plusDays(30), ActionStatus.OPEN, actor, language);
		this.plans.decide(id,
				t("Raamcontract verlengd tot " + (lastYear + 2), "Framework agreement extended to " + (lastYear + 2))
					.in(language),
				t("Goede ervaringen in de afgelopen jaren; de klant vroeg zelf om verlenging.",
						"Good experience over the past years; the customer asked for the extension.")
					.in(language),
				today.minusMonths(4), actor);

		current.stream()
			.filter((customer) -> customer.trajectory() == Trajectory.SLIDING)
			.findFirst()
			.ifPresent((sliding) -> {
				long slidingId = ids.get(sliding.index());
				String slidingOwner = owner(sliding, managers);
				strategy(slidingId, Strategy.IMPROVE,
						t("De relatie staat onder druk na klachten over de planning.",
								"The relationship is under strain after complaints about the schedule."),
						today.minusMonths(1), actor, language);
				this.plans.addGoal(slidingId,
						t("Weer een terugkerende opdrachtgever", "A recurring client again").in(language),
						today.plusMonths(4), actor);
				action(slidingId, t("Herstelgesprek met de opdrachtgever", "Recovery meeting with the client"),
						slidingOwner, today.minusDays(5), ActionStatus.IN_PROGRESS, actor, language);
			});
		if (current.size() > 10) {
			Customer steady = current.stream()
				.skip(current.size() / 3)
				.filter((customer) -> customer.trajectory() == Trajectory.STEADY)
				.findFirst()
				.orElse(current.get(current.size() / 3));
			strategy(ids.get(steady.index()), Strategy.MAINTAIN,
					t("Stabiele klant; huidige dienstverlening voortzetten.",
							"Stable customer; continue the current service."),
					today.minusMonths(7), actor, language);
		}
		// one relationship ended on purpose: it lost us money and stopped buying this
		// year
		invented.stream()
			.filter((customer) -> customer.lostIn() != null && customer.lostIn() == lastYear)
			.min(Comparator.comparingDouble(Customer::marginRate))
			.ifPresent((lost) -> {
				LocalDate decided = lost.lastMonth().plusMonths(2).atDay(10);
				this.plans.endRelationship(ids.get(lost.index()),
						t("Structureel verlieslatend en geen vervolgopdrachten in zicht; in goed overleg afgesloten.",
								"Losing money year after year and no further work in sight; ended by mutual agreement.")
							.in(language),
						decided.isAfter(today) ? today : decided, actor);
			});
	}

	private void strategy(long customerId, Strategy strategy, Text reason, LocalDate decidedOn, String actor,
			Language language) {
		this.plans.chooseStrategy(customerId, this.plans.plan(customerId).version(), strategy, reason.in(language),
				decidedOn, actor);
	}

	private void action(long customerId, Text what, String owner, LocalDate due, ActionStatus status, String actor,
			Language language) {
		this.plans.addAction(customerId, new ActionDetails(what.in(language), owner, due, status), actor);
	}

	private static String owner(Customer customer, List<UserSummary> managers) {
		return managers.get(customer.manager() % managers.size()).displayName();
	}

	private static Text t(String nl, String en) {
		return new Text(nl, en);
	}

}

package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.customerportfolio.analysis.Profiles.MULTIPLE;
import static org.customerportfolio.analysis.Profiles.NOMINAL;
import static org.customerportfolio.analysis.Profiles.ORDINAL;
import static org.customerportfolio.analysis.Profiles.profile;

/**
 * Clustering on portfolios whose groups are known.
 */
class ClusteringTests {

	private final Clustering clustering = new Clustering(new Gower(Profiles.SCALES));

	@Test
	void findsTwoObviousGroupsAndChoosesTwoBySilhouette() {
		List<CustomerProfile> customers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			customers.add(best(i));
			customers.add(worst(100 + i));
		}

		Clustering.Result result = this.clustering.cluster(customers, null);

		assertThat(result.k()).isEqualTo(2);
		// within a cluster all are equal (a = 0), between them fully different (b = 1)
		assertThat(result.silhouette()).isEqualTo(1.0);
		assertThat(result.sampled()).isFalse();
		assertThat(clusterOf(result, customers, 0)).isNotEqualTo(clusterOf(result, customers, 1));
		for (int i = 0; i < customers.size(); i += 2) {
			assertThat(result.assignment()[i]).isEqualTo(result.assignment()[0]);
		}
	}

	@Test
	void largePortfoliosAreClusteredBySamplesAndEveryCustomerIsAssigned() {
		List<CustomerProfile> customers = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			customers.add(switch (i % 3) {
				case 0 -> best(i);
				case 1 -> worst(i);
				default -> profile(i).level(ORDINAL, "recurring")
					.level(NOMINAL, "specialised")
					.level(MULTIPLE, "ease")
					.build();
			});
		}

		Clustering.Result result = this.clustering.cluster(customers, null);

		assertThat(result.sampled()).isTrue();
		assertThat(result.sampleSize()).isEqualTo(Clustering.SAMPLE_SIZE);
		assertThat(result.k()).isEqualTo(3);
		assertThat(result.assignment()).hasSize(3000);
		Set<String> pairs = new HashSet<>();
		for (int i = 0; i < customers.size(); i++) {
			pairs.add((i % 3) + ":" + result.assignment()[i]);
		}
		// each kind of customer in a cluster of its own
		assertThat(pairs).hasSize(3);
	}

	@Test
	void aChosenKIsKept() {
		List<CustomerProfile> customers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			customers.add((i % 2 == 0) ? best(i) : worst(i));
		}

		assertThat(this.clustering.cluster(customers, 3).k()).isEqualTo(3);
	}

	@Test
	void needsThreeCustomers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.clustering.cluster(List.of(best(1), worst(2)), null));
	}

	private static int clusterOf(Clustering.Result result, List<CustomerProfile> customers, int index) {
		return result.assignment()[index];
	}

	private static CustomerProfile best(long id) {
		return profile(id).level(ORDINAL, "partnership").level(NOMINAL, "total").level(MULTIPLE, "trust").build();
	}

	private static CustomerProfile worst(long id) {
		return profile(id).level(ORDINAL, "at_risk").level(NOMINAL, "basic").level(MULTIPLE, "price").build();
	}

}

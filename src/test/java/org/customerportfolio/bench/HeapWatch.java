package org.customerportfolio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Samples the heap in use every few milliseconds and keeps the highest. */
final class HeapWatch extends Thread {

	private volatile boolean running = true;

	private volatile long peak;

	HeapWatch() {
		setDaemon(true);
	}

	@Override
	public void run() {
		while (this.running) {
			long used = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					used += pool.getUsage().getUsed();
				}
			}
			this.peak = Math.max(this.peak, used);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	void finish() throws InterruptedException {
		this.running = false;
		join();
	}

	long peak() {
		return this.peak;
	}

	/** The heap the collectors kept after their last collections: what stays alive. */
	static long afterGc() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				used += pool.getCollectionUsage().getUsed();
			}
		}
		return used;
	}

}

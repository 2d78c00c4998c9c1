package io.github.drawnet.backend.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs dense-layer bias additions (ND4J broadcasts) for a given number of seconds while another
 * thread asks for a collection every millisecond, then prints how many ran. With ND4J's stock
 * executioner this process dies of {@code SIGSEGV} in {@code sd::DataBuffer::primary()} within
 * seconds (2 to 7 s in four tries on a 2-core machine): the broadcast's dimension list is freed
 * during the native call. Run by {@link FencedOpExecutionerTest} in a JVM of its own.
 */
final class CollectorRace {

    private CollectorRace() {
    }

    /**
     * Arguments: seconds to run.
     *
     * @param args the seconds
     */
    public static void main(String[] args) {
        long seconds = Long.parseLong(args[0]);
        Dl4jBackend.ensureLoaded();
        System.out.println("executioner " + Nd4j.getExecutioner().getClass().getName());
        INDArray bias = Nd4j.rand(1, 8);
        INDArray activations = Nd4j.rand(24, 8);
        Thread collector = new Thread(() -> {
            try {
                while (true) {
                    System.gc();
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "race-gc");
        collector.setDaemon(true);
        collector.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long ops = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                activations.addiRowVector(bias);
                activations.subiRowVector(bias);
            }
            ops += 2000;
        }
        System.out.println("survived " + ops + " broadcasts");
    }
}

package io.github.drawnet.backend.dl4j;

import java.lang.ref.Reference;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.aggregates.Aggregate;
import org.nd4j.linalg.api.ops.aggregates.Batch;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's native CPU executioner, with each operation kept reachable until its native call returns.
 *
 * <p>Why: ND4J 1.0.0-M2.1 frees an array's native memory when the collector finds the array
 * unreachable. An operation owns arrays that only it refers to (the dimension list of a broadcast,
 * a reduction or a scalar-along-dimension op, made outside any workspace), and
 * {@code NativeOpExecutioner} takes their native pointers and then calls into the library without
 * touching the operation again. Once compiled, the operation is dead from the collector's point of
 * view during that call: a collection there lets ND4J's deallocator thread free the dimension list
 * while the library reads it, and the process dies with {@code SIGSEGV} in
 * {@code sd::DataBuffer::primary()} (seen in the contract's "train while the collector runs" test,
 * about one run in five: {@code execBroadcast} from a dense layer's bias addition).
 *
 * <p>Each method here calls ND4J's own and then {@link Reference#reachabilityFence} on the operation
 * and its context, so they, and every array they hold, outlive the native call. The arithmetic is
 * ND4J's, unchanged. {@link Dl4jBackend} installs this class through ND4J's {@code opexec} property
 * before ND4J starts, unless that property is already set.
 */
public class FencedOpExecutioner extends NativeOpExecutioner {

    /** Creates the executioner; called by ND4J when it starts. */
    public FencedOpExecutioner() {
        super();
    }

    @Override
    public INDArray exec(Op op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(Variance op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(ScalarOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(RandomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(RandomOp op, Random rng) {
        try {
            return super.exec(op, rng);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(rng);
        }
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        try {
            return super.exec(op, context, rng);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
            Reference.reachabilityFence(rng);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public void exec(Aggregate op) {
        try {
            super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public <T extends Aggregate> void exec(Batch<T> batch) {
        try {
            super.exec(batch);
        } finally {
            Reference.reachabilityFence(batch);
        }
    }

    @Override
    public void exec(List<Aggregate> batch) {
        try {
            super.exec(batch);
        } finally {
            Reference.reachabilityFence(batch);
        }
    }
}

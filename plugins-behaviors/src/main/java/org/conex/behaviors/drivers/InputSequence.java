package org.conex.behaviors.drivers;

import java.nio.ByteBuffer;
import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generic driver: at iteration t (1-based) row {@code (t-1) mod K} of {@code values} is written
 * into the owner's {@code variable} ("set": replaced, "add": added). On the network a row is one
 * number (a double scalar); on groups a row has one value per element. If the variable does not
 * exist at initialization it is created as zeros of the row length (bool for dtype "bool").
 */
public final class InputSequence extends Behavior<NetworkObject> {
    public static final BehaviorType TYPE = BehaviorType.builder("InputSequence", InputSequence::new)
            .priority(250).target(Target.ANY)
            .params(ParamSpec.of("variable", ParamKind.STRING).asRequired().doc("variable to drive, e.g. I or spikes"),
                    ParamSpec.of("values", ParamKind.ROWS).asRequired().doc("rows, cycled"),
                    ParamSpec.of("mode", ParamKind.STRING).withDefault("set").oneOf("set", "add"),
                    ParamSpec.of("dtype", ParamKind.STRING).withDefault("float").oneOf("float", "bool"))
            .description("writes row (t-1) mod K of a table into a variable each step")
            .build();

    private final String variable;
    private final List<double[]> rows;
    private final boolean add;
    private final boolean bool;

    public InputSequence(Params params) {
        super(params);
        variable = params.string("variable");
        rows = params.rows("values");
        add = params.string("mode").equals("add");
        bool = params.string("dtype").equals("bool");
        int len = rows.get(0).length;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).length != len) {
                throw new org.conex.api.behavior.ParameterException("InputSequence", "values",
                        "rows of equal length (" + len + ")", "row " + i + " with " + rows.get(i).length + " values");
            }
        }
    }

    @Override
    public void initialize(NetworkObject owner) {
        int len = rows.get(0).length;
        if (owner instanceof Network) {
            if (len != 1) {
                throw error("on the network each row must be one number, found rows of " + len);
            }
            if (!owner.has(variable)) {
                owner.put(variable, 0.0);
            }
            return;
        }
        if (!owner.has(variable)) {
            owner.put(variable, bool ? Tensors.zeros(DataType.BOOL, len)
                    : Tensors.zeros(owner.network().dtype().nd4j(), len));
        }
        INDArray a = owner.array(variable);
        if (a.length() != len) {
            throw error("rows have " + len + " values but '" + owner.tag() + "'." + variable + " has " + a.length());
        }
    }

    @Override
    public void forward(NetworkObject owner) {
        double[] row = rows.get((int) Math.floorMod(owner.network().iteration() - 1, (long) rows.size()));
        if (owner instanceof Network) {
            owner.put(variable, add ? owner.scalar(variable) + row[0] : row[0]);
            return;
        }
        INDArray a = owner.array(variable);
        if (a.dataType() == DataType.BOOL) {
            ByteBuffer b = Views.bools(a);
            for (int i = 0; i < row.length; i++) {
                boolean v = add ? (b.get(i) != 0 || row[i] != 0) : row[i] != 0;
                b.put(i, v ? (byte) 1 : 0);
            }
            return;
        }
        Vec v = owner.vec(variable);
        for (int i = 0; i < row.length; i++) {
            double x = v.round(row[i]);
            v.set(i, add ? v.get(i) + x : x);
        }
    }
}

package org.conex.helpers;

import java.util.List;
import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperType;
import org.conex.helpers.transforms.ShapeTransforms;
import org.conex.helpers.transforms.ValueTransforms;
import org.osgi.service.component.annotations.Component;

/** Misc transforms: shape (squeeze, unsqueeze, swap, device) and value (abs, sign polarity, normalize, scale). */
@Component(service = HelperProvider.class)
public final class TransformHelpers implements HelperProvider {
    @Override
    public List<HelperType> helperTypes() {
        return List.of(ShapeTransforms.UNSQUEEZE, ShapeTransforms.SQUEEZE, ShapeTransforms.SWAP, ShapeTransforms.DEVICE,
                ValueTransforms.ABSOLUTE, ValueTransforms.DIVIDE_SIGN_POLARITY, ValueTransforms.NORMALIZE,
                ValueTransforms.SCALE);
    }
}

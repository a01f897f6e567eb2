package org.conex.helpers;

import java.util.List;
import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperType;
import org.conex.helpers.masks.GridMask;
import org.osgi.service.component.annotations.Component;

/** Masks: GridEraseMask, GridKeepMask, GridCropMask. */
@Component(service = HelperProvider.class)
public final class MaskHelpers implements HelperProvider {
    @Override
    public List<HelperType> helperTypes() {
        return List.of(GridMask.ERASE_TYPE, GridMask.KEEP_TYPE, GridMask.CROP_TYPE);
    }
}

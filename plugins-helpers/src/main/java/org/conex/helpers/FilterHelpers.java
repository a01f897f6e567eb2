package org.conex.helpers;

import java.util.List;
import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperType;
import org.conex.helpers.filters.Conv2dFilter;
import org.conex.helpers.filters.DoGFilter;
import org.conex.helpers.filters.GaborFilter;
import org.osgi.service.component.annotations.Component;

/** Filters: DoGFilter, GaborFilter and Conv2dFilter, each a 2-D cross-correlation step. */
@Component(service = HelperProvider.class)
public final class FilterHelpers implements HelperProvider {
    @Override
    public List<HelperType> helperTypes() {
        return List.of(DoGFilter.TYPE, GaborFilter.TYPE, Conv2dFilter.TYPE);
    }
}

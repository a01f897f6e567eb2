package org.conex.helpers;

import java.util.List;
import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperType;
import org.conex.helpers.data.MnistDataset;
import org.conex.helpers.data.NpyDataSource;
import org.osgi.service.component.annotations.Component;

/** Datasets: MNIST (IDX files) and NpyDataset (.npy files). */
@Component(service = HelperProvider.class)
public final class DatasetHelpers implements HelperProvider {
    @Override
    public List<HelperType> helperTypes() {
        return List.of(MnistDataset.TYPE, NpyDataSource.TYPE);
    }
}

package org.thesenforum.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Collects the {@link PageBanner}s of a discussion's page for the live bar ({@code inject:pageBanners}). */
@Named("pageBanners")
@ApplicationScoped
public class PageBanners {

    private final List<PageBanner> banners;
    private final ReaderLanguage language;

    PageBanners(@All List<PageBanner> banners, ReaderLanguage language) {
        this.banners = banners.stream().sorted(Comparator.comparingInt(PageBanner::order)).toList();
        this.language = language;
    }

    /** The banners of discussion {@code slug} in the reader's language, one after the other. */
    public String html(String slug) {
        return banners.stream().flatMap(b -> b.render(slug, language.locale()).stream())
                .collect(Collectors.joining());
    }
}

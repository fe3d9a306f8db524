package org.servicequality.ledger.query.board;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The board speaks Chinese by default and English on request: {@code ?lang=en} (or {@code ?lang=zh-CN})
 * switches and a cookie remembers the choice, so the switch works without JavaScript.
 */
@Configuration(proxyBeanMethods = false)
class BoardWebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("board-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * The language switch links to the same page with the same query (a ranking's period, say), only the language
     * changed, for every page that uses the layout's header.
     */
    @ControllerAdvice(basePackages = "org.servicequality.ledger.query")
    static class LanguageLinks {

        @ModelAttribute("languageLinks")
        Map<String, String> languageLinks(HttpServletRequest request) {
            Map<String, String> links = new LinkedHashMap<>();
            for (String language : List.of("zh-CN", "en")) {
                links.put(language, UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam(LANGUAGE_PARAMETER, language)
                        .build()
                        .toUriString());
            }
            return links;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
